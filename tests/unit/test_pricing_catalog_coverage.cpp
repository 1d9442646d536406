#include "costgate/pricing/catalog_coverage.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace costgate::pricing;

namespace {

const std::string k_header =
    "provider,service,product,region,unit,price,terms,source,source_detail,as_of\n";

const TypeCoverage& coverage_of(const std::vector<TypeCoverage>& all, const std::string& type) {
    const auto found =
        std::find_if(all.begin(), all.end(), [&](const TypeCoverage& c) { return c.type == type; });
    REQUIRE(found != all.end());
    return *found;
}

} // namespace

TEST_CASE("catalog coverage: where the catalog has every price a type needs",
          "[pricing][catalog]") {
    Catalog catalog;
    catalog.add_csv(
        "c.csv", k_header +
                     // aws_kms_key needs both kms rows: only eu-west-1 has both.
                     "aws,kms,customer_managed_key,eu-west-1,key-month,1,,s,,2026-01-01\n"
                     "aws,kms,customer_managed_key,us-east-1,key-month,1,,s,,2026-01-01\n"
                     "aws,kms,api_requests_symmetric,eu-west-1,10K requests,0.03,,s,,2026-01-01\n"
                     // aws_instance reads ec2 and ebs: both in us-east-1 only.
                     "aws,ec2,m5.large,us-east-1,hour,0.096,,s,,2026-01-01\n"
                     "aws,ec2,m5.large,eu-west-1,hour,0.107,,s,,2026-01-01\n"
                     "aws,ebs,gp3,us-east-1,GB-month,0.08,,s,,2026-01-01\n"
                     // Route 53 bills hosted zones in one global region.
                     "aws,route53,hosted_zone_first_25,global,month,0.5,,s,,2026-01-01\n");
    const std::vector<TypeCoverage> all = catalog_coverage(catalog);
    CHECK(std::is_sorted(all.begin(), all.end(),
                         [](const auto& a, const auto& b) { return a.type < b.type; }));

    const TypeCoverage& kms = coverage_of(all, "aws_kms_key");
    CHECK(kms.priced_by == "data row");
    CHECK(kms.services == std::vector<std::string>{"aws/kms"});
    CHECK(kms.regions == std::vector<std::string>{"eu-west-1"});
    CHECK(kms.missing.empty());

    const TypeCoverage& instance = coverage_of(all, "aws_instance");
    CHECK(instance.priced_by == "pricer");
    CHECK(instance.regions == std::vector<std::string>{"us-east-1"});

    CHECK(coverage_of(all, "aws_route53_zone").regions == std::vector<std::string>{"global"});
    CHECK(coverage_of(all, "Deployment").regions == std::vector<std::string>{"any"});

    // A price no region has is named rather than hiding the type's other regions.
    const TypeCoverage& parameter = coverage_of(all, "aws_ssm_parameter");
    CHECK(parameter.regions.empty());
    CHECK(parameter.missing == std::vector<std::string>{"aws/ssm/advanced_parameter"});
    // Types the rules inspect but costgate does not price are not listed.
    CHECK(std::none_of(all.begin(), all.end(),
                       [](const TypeCoverage& c) { return c.type == "aws_launch_template"; }));
}
