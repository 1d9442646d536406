// AWS types priced from their data rows (src/pricing/types/resource_types.yaml, #17): each
// expected figure is worked by hand from the catalog rows, quantity x unit price.
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

std::string cents(const ResourceEstimate& estimate) {
    REQUIRE(estimate.priced);
    return estimate.monthly_after->to_cents_string();
}

} // namespace

TEST_CASE("directories, file systems, HSMs and Airflow environments by the hour",
          "[pricing][types][aws]") {
    // 2 controllers x 730 = 1,460 controller-hours x aws/directory_service/MicrosoftAD|Standard
    // 0.06 = 87.60.
    CHECK(cents(estimate_created("aws_directory_service_directory",
                                 R"({"type": "MicrosoftAD", "edition": "Standard"})")) == "87.60");
    // The provider's defaults: SimpleAD, Large: 1,460 x SimpleAD|Large 0.15 = 219.00.
    CHECK(cents(estimate_created("aws_directory_service_directory", "{}")) == "219.00");

    // 300 GB x aws/fsx/windows_storage|HDD|MULTI_AZ_1 0.025 = 7.50; 64 MBps x
    // windows_throughput_capacity|MULTI_AZ_1 4.5 = 288.00; 100 GB backups x
    // windows_backup_storage 0.05 = 5.00; total 300.50.
    CHECK(cents(estimate_created(
              "aws_fsx_windows_file_system",
              R"({"deployment_type": "MULTI_AZ_1", "storage_type": "HDD", "storage_capacity": 300,
                  "throughput_capacity": 64})",
              "us-east-1", "    backup_storage_gb: 100\n")) == "300.50");
    // A Single-AZ file system has no price: unpriced, naming the key.
    const ResourceEstimate single = estimate_created(
        "aws_fsx_windows_file_system", R"({"storage_capacity": 32, "throughput_capacity": 8})");
    CHECK_FALSE(single.priced);
    CHECK(has_note(single, "fsx/windows_storage|SSD|SINGLE_AZ_1"));

    // 300 GB x aws/fsx/openzfs_storage|SSD|SINGLE_AZ_1 0.09 = 27.00; 64 MBps x
    // openzfs_throughput_capacity|SINGLE_AZ_1 0.26 = 16.64; total 43.64.
    CHECK(cents(estimate_created("aws_fsx_openzfs_file_system",
                                 R"({"deployment_type": "SINGLE_AZ_1", "storage_capacity": 300,
                                   "throughput_capacity": 64})")) == "43.64");

    // 730 x aws/cloudhsm/hsm 1.6 = 1,168.00.
    CHECK(cents(estimate_created("aws_cloudhsm_v2_hsm", "{}")) == "1168.00");

    // 730 x aws/mwaa/mw1.medium 0.74 = 540.20; 10 GB x meta_database 0.1 = 1.00; 541.20.
    CHECK(cents(estimate_created("aws_mwaa_environment", R"({"environment_class": "mw1.medium"})",
                                 "us-east-1", "    meta_database_gb: 10\n")) == "541.20");
    // The default class mw1.small: 730 x 0.49 = 357.70.
    CHECK(cents(estimate_created("aws_mwaa_environment", "{}")) == "357.70");
}

TEST_CASE("network attachments, endpoints and accelerators by the hour", "[pricing][types][aws]") {
    // 730 x aws/client_vpn/endpoint_association 0.1 = 73.00.
    CHECK(cents(estimate_created("aws_ec2_client_vpn_network_association", "{}")) == "73.00");
    // 2,000 connection-hours x aws/client_vpn/connection 0.05 = 100.00.
    CHECK(cents(estimate_created("aws_ec2_client_vpn_endpoint", "{}", "us-east-1",
                                 "    monthly_connection_hours: 2000\n")) == "100.00");
    // 730 x aws/vpc/traffic_mirror_session 0.015 = 10.95.
    CHECK(cents(estimate_created("aws_ec2_traffic_mirror_session", "{}")) == "10.95");
    // A peering attachment in eu-west-2: 730 x aws/vpc/transit_gateway_attachment 0.06 = 43.80.
    CHECK(cents(estimate_created("aws_ec2_transit_gateway_peering_attachment", "{}",
                                 "eu-west-2")) == "43.80");
    // 730 x aws/global_accelerator/accelerator/global 0.025 = 18.25, whatever the region.
    CHECK(cents(estimate_created("aws_globalaccelerator_accelerator", "{}", "us-west-2")) ==
          "18.25");
    // 3 network interfaces x 730 x aws/route53_resolver/endpoint_ip_address 0.125 = 273.75;
    // 50M queries x dns_queries_first_1B 0.4 = 20.00; total 293.75.
    CHECK(cents(estimate_created("aws_route53_resolver_endpoint", R"({"ip_address": [{}, {}, {}]})",
                                 "us-east-1", "    monthly_queries: 5e7\n")) == "293.75");
}

TEST_CASE("health checks at the AWS-endpoint rate with one fee per optional feature",
          "[pricing][types][aws]") {
    // aws/route53/health_check_aws_endpoint/global 0.5 + HTTPS, string matching and latency
    // at health_check_optional_feature_aws_endpoint 1 each = 3.50.
    CHECK(cents(estimate_created("aws_route53_health_check",
                                 R"({"type": "HTTPS_STR_MATCH", "measure_latency": true})",
                                 "eu-west-1")) == "3.50");
    // A plain HTTP check: 0.50.
    CHECK(cents(estimate_created("aws_route53_health_check", R"({"type": "HTTP"})")) == "0.50");
}

TEST_CASE("usage-priced AWS types: builds, rules, licenses, backups, objects, notifications",
          "[pricing][types][aws]") {
    // 1,000 minutes x aws/codebuild/linux_BUILD_GENERAL1_MEDIUM 0.01 = 10.00.
    CHECK(
        cents(estimate_created(
            "aws_codebuild_project",
            R"({"environment": [{"type": "LINUX_CONTAINER", "compute_type": "BUILD_GENERAL1_MEDIUM"}]})",
            "us-east-1", "    monthly_build_minutes: 1000\n")) == "10.00");
    // 100 minutes x windows_BUILD_GENERAL1_LARGE 0.036 = 3.60.
    CHECK(
        cents(estimate_created(
            "aws_codebuild_project",
            R"({"environment": [{"type": "WINDOWS_SERVER_2019_CONTAINER", "compute_type": "BUILD_GENERAL1_LARGE"}]})",
            "us-east-1", "    monthly_build_minutes: 100\n")) == "3.60");
    // 20,000 evaluations x aws/config/rule_evaluations_first_100K 0.001 = 20.00, for the
    // account's rules and the organization's.
    for (const char* type : {"aws_config_config_rule", "aws_config_organization_managed_rule",
                             "aws_config_organization_custom_rule"}) {
        INFO(type);
        CHECK(cents(estimate_created(type, "{}", "us-east-1",
                                     "    monthly_rule_evaluations: 20000\n")) == "20.00");
    }
    // 10 DPUs x 20 hours = 200 DPU-hours x aws/glue/dpu 0.44 = 88.00, for jobs and crawlers.
    for (const char* type : {"aws_glue_job", "aws_glue_crawler"}) {
        INFO(type);
        CHECK(cents(estimate_created(type, "{}", "us-east-1", "    monthly_dpu_hours: 200\n")) ==
              "88.00");
    }
    // 2 editors x aws/grafana/editor_license 9 = 18.00; 10 viewers x viewer_license 5 =
    // 50.00; total 68.00.
    CHECK(cents(estimate_created("aws_grafana_workspace", "{}", "us-east-1",
                                 "    editor_users: 2\n    viewer_users: 10\n")) == "68.00");
    // us-west-1: 1,000 GB x aws/backup/efs_backup_warm 0.06 = 60.00; 200 GB x
    // rds_snapshot 0.095 = 19.00; total 79.00.
    CHECK(cents(estimate_created("aws_backup_vault", "{}", "us-west-1",
                                 "    efs_warm_backup_gb: 1000\n    rds_snapshot_gb: 200\n")) ==
          "79.00");
    // 10M objects x aws/s3/storage_class_analysis_objects 0.1 = 1.00; 100M x
    // inventory_objects 0.0025 = 0.25.
    CHECK(cents(estimate_created("aws_s3_bucket_analytics_configuration", "{}", "us-east-1",
                                 "    monthly_monitored_objects: 1e7\n")) == "1.00");
    CHECK(cents(estimate_created("aws_s3_bucket_inventory", "{}", "us-east-1",
                                 "    monthly_listed_objects: 1e8\n")) == "0.25");
    // 5M notifications x aws/sns/http_notifications 0.6 = 3.00.
    CHECK(cents(estimate_created("aws_sns_topic_subscription", R"({"protocol": "https"})",
                                 "us-east-1", "    monthly_notifications: 5e6\n")) == "3.00");
    // 1,000 hours x aws/ssm_managed_instances/advanced_on_premises_instance 0.00695 = 6.95.
    CHECK(cents(estimate_created("aws_ssm_activation", "{}", "us-east-1",
                                 "    monthly_advanced_instance_hours: 1000\n")) == "6.95");
    const ResourceEstimate fargate =
        estimate_created("aws_eks_fargate_profile", "{}", "us-east-1",
                         "    monthly_vcpu_hours: 1000\n    monthly_memory_gb_hours: 2000\n");
    // us-east-1: 1,000 x eks_fargate_vcpu 0.04048 = 40.48; 2,000 x eks_fargate_memory
    // 0.004445 = 8.89; total 49.37.
    CHECK(cents(fargate) == "49.37");
    // 400 GB x aws/documentdb/backup_storage 0.021 = 8.40 (us-east-2).
    CHECK(cents(estimate_created("aws_docdb_cluster_snapshot", "{}", "us-east-2",
                                 "    backup_storage_gb: 400\n")) == "8.40");
    // 100 GB x aws/neptune/backup_storage/eu-west-2 0.022 = 2.20.
    CHECK(cents(estimate_created("aws_neptune_cluster_snapshot", "{}", "eu-west-2",
                                 "    backup_storage_gb: 100\n")) == "2.20");
}

TEST_CASE("free configurations, fees per key and ACL, and Flink applications",
          "[pricing][types][aws]") {
    // A public certificate is free; a private CA's costs acm/private_certificate_first_1000
    // 0.75.
    const ResourceEstimate public_certificate =
        estimate_created("aws_acm_certificate", R"({"domain_name": "example.com"})");
    CHECK(public_certificate.priced);
    CHECK(public_certificate.monthly_after->to_cents_string() == "0.00");
    CHECK(
        cents(estimate_created(
            "aws_acm_certificate",
            R"({"certificate_authority_arn": "arn:aws:acm-pca:us-east-1:1:certificate-authority/x"})")) ==
        "0.75");
    // Deliveries to SQS are free; email has no price and names the protocol.
    CHECK(estimate_created("aws_sns_topic_subscription", R"({"protocol": "sqs"})").priced);
    const ResourceEstimate email =
        estimate_created("aws_sns_topic_subscription", R"({"protocol": "email"})");
    CHECK_FALSE(email.priced);
    CHECK(has_note(email, "with protocol email"));

    // An external key in ap-south-1: aws/kms/customer_managed_key 1 a month.
    CHECK(cents(estimate_created("aws_kms_external_key", "{}", "ap-south-1")) == "1.00");

    // WAF Classic: aws/waf/web_acl 5 + 2 rules x waf/rule 1 = 7.00; + 3M requests x
    // waf/requests 0.6 = 1.80; total 8.80.
    CHECK(cents(estimate_created("aws_waf_web_acl", R"({"rules": [{}, {}]})", "us-east-1",
                                 "    monthly_requests: 3e6\n")) == "8.80");

    // eu-west-2, a Flink application at 2 KPUs: 2 x 730 x aws/kinesis_analytics/kpu 0.127 =
    // 185.42; orchestration 730 x 0.127 = 92.71; running storage 2 x 50 GB x 0.12 = 12.00;
    // total 290.13.
    CHECK(cents(estimate_created("aws_kinesisanalyticsv2_application",
                                 R"({"runtime_environment": "FLINK-1_18"})", "eu-west-2",
                                 "    kinesis_processing_units: 2\n")) == "290.13");
}

TEST_CASE("a metric alarm pays for each metric it evaluates, by resolution",
          "[pricing][types][aws]") {
    // One metric read every 5 minutes: aws/cloudwatch/alarm_metric_standard_resolution 0.1.
    CHECK(cents(estimate_created("aws_cloudwatch_metric_alarm",
                                 R"({"metric_name": "CPUUtilization", "period": 300})")) == "0.10");
    // Read every 10 seconds: alarm_metric_high_resolution 0.3.
    CHECK(cents(estimate_created("aws_cloudwatch_metric_alarm",
                                 R"({"metric_name": "CPUUtilization", "period": 10})")) == "0.30");
    // Metric math over two metrics (one at 60 s, one at 30 s) and an expression: 0.1 + 0.3 =
    // 0.40; the expression is not a metric.
    CHECK(cents(estimate_created("aws_cloudwatch_metric_alarm", R"({"metric_query": [
        {"id": "e1", "expression": "m1 + m2", "metric": []},
        {"id": "m1", "metric": [{"metric_name": "A", "period": 60}]},
        {"id": "m2", "metric": [{"metric_name": "B", "period": 30}]}]})")) == "0.40");
    // An anomaly detection alarm on one standard metric: 3 x 0.1 = 0.30, with a note.
    const ResourceEstimate anomaly = estimate_created("aws_cloudwatch_metric_alarm", R"json({
        "threshold_metric_id": "ad1", "metric_query": [
        {"id": "ad1", "expression": "ANOMALY_DETECTION_BAND(m1)"},
        {"id": "m1", "metric": [{"metric_name": "A", "period": 300}]}]})json");
    CHECK(cents(anomaly) == "0.30");
    CHECK(has_note(anomaly, "three metrics"));
    // Outside us-east-1 the catalog has no alarm price: unpriced, naming the key.
    const ResourceEstimate elsewhere = estimate_created(
        "aws_cloudwatch_metric_alarm", R"({"metric_name": "A", "period": 60})", "eu-west-1");
    CHECK_FALSE(elsewhere.priced);
    CHECK(has_note(elsewhere, "aws/cloudwatch/alarm_metric_standard_resolution/eu-west-1"));
}
