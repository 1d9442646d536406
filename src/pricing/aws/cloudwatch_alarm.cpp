// CloudWatch metric alarms are billed per metric they evaluate, a month at a time, at a
// higher rate when the metric is read at high resolution (a period under a minute).
#include "aws/pricers.hpp"

namespace costgate::pricing::aws {

namespace {

// AWS bills an anomaly detection alarm as three metrics: the metric and the band's upper
// and lower bounds (aws.amazon.com/cloudwatch/pricing/, "Alarms").
constexpr double k_metrics_per_anomaly_alarm = 3;

struct AlarmMetrics {
    double standard = 0;
    double high_resolution = 0;
};

void count_metric(AlarmMetrics& metrics, std::optional<double> period) {
    (period && *period < 60 ? metrics.high_resolution : metrics.standard) += 1;
}

} // namespace

StateCost price_cloudwatch_metric_alarm(const Attributes& attributes,
                                        const PricingContext& context) {
    StateCost cost;
    if (attributes.is_unknown("metric_query")) {
        mark_unknown(cost, "metric_query");
        return cost;
    }
    AlarmMetrics metrics;
    const std::vector<Attributes> queries = attributes.blocks("metric_query");
    if (queries.empty())
        count_metric(metrics, attributes.number("period"));
    // Of a metric math alarm's queries only those reading a metric count; expressions
    // compute over them.
    for (const Attributes& query : queries)
        if (const std::vector<Attributes> metric = query.blocks("metric"); !metric.empty())
            count_metric(metrics, metric.front().number("period"));
    if (!attributes.string("threshold_metric_id").value_or("").empty()) {
        metrics.standard *= k_metrics_per_anomaly_alarm;
        metrics.high_resolution *= k_metrics_per_anomaly_alarm;
        cost.notes.push_back("an anomaly detection alarm is billed as three metrics per metric");
    }
    if (metrics.standard > 0)
        context.add(cost, "Standard resolution", "alarm metrics", metrics.standard, "cloudwatch",
                    "alarm_metric_standard_resolution");
    if (metrics.high_resolution > 0)
        context.add(cost, "High resolution", "alarm metrics", metrics.high_resolution, "cloudwatch",
                    "alarm_metric_high_resolution");
    return cost;
}

} // namespace costgate::pricing::aws
