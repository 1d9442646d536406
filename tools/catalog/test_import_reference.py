"""Tests for import_reference.py and its modules: every rule the importer applies to the
price facts, the pack format, and byte-identical output for the same inputs.
Run: python3 -m unittest discover -s tools/catalog -p 'test_*.py'"""
import contextlib
import filecmp
import io
import pathlib
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import catalog_pack  # noqa: E402
import ec2_scaling  # noqa: E402
import facts  # noqa: E402
import import_reference  # noqa: E402
import mapping  # noqa: E402
import peer_goldens  # noqa: E402

FACTS = HERE / "testdata" / "facts"
SUPPLEMENT = HERE / "reference_supplement.csv"


def fact(**fields):
    row = {"provider": "aws", "service": "ec2", "product": "m5.large", "region": "us-east-1",
           "unit": "hour", "terms": "", "price": "0.096", "source": "example.com/a",
           "source_detail": "a.go @1", "as_of": "2026-07-20", "origin": "reference.csv"}
    row.update(fields)
    row.setdefault("fact_unit", row["unit"])
    return row


def imported(paths=None):
    """{key: catalog row as a dict} of the fixture facts."""
    rows = []
    for path in paths or facts.default_inputs(FACTS, SUPPLEMENT):
        rows += facts.read_facts(path)
    files, dropped = import_reference.convert(rows)
    by_key = {}
    for entries in files.values():
        for entry in entries:
            row = dict(zip(import_reference.COLUMNS, entry))
            by_key["/".join(entry[:4])] = row
    return by_key, dropped


class UnitsAndRegionsTest(unittest.TestCase):
    def test_units_split_into_unit_and_terms(self):
        self.assertEqual(facts.split_unit("hour (Linux; on-demand)"), ("hour", "Linux; on-demand"))
        self.assertEqual(facts.split_unit("vCPU-month(730h)"), ("vCPU-month", "730 hours"))
        self.assertEqual(facts.split_unit("1M requests"), ("1M requests", ""))

    def test_region_words(self):
        self.assertEqual(mapping.region_code("eu-west-1"), "eu-west-1")
        self.assertEqual(mapping.region_code("us-multi (multi-region)"), "us")
        self.assertEqual(mapping.region_code("nam4 (dual-region: us-central1+us-east1)"), "nam4")
        self.assertIsNone(mapping.region_code("eastus or westeurope (test mixes locations)"))
        self.assertIsNone(mapping.region_code("unspecified"))

    def test_hourly_fee_read_per_month_is_stored_x730(self):
        row = import_reference.normalise_unit(fact(service="elb", product="alb", price="0.0225"))
        self.assertEqual((row["unit"], row["price"], row["terms"]), ("month", "16.425", "730 hours"))
        self.assertIn("[converted: 0.0225 per hour x 730 hours]", row["source_detail"])

    def test_monthly_fee_no_pricer_reads_per_month_is_stored_per_hour(self):
        row = import_reference.normalise_unit(
            fact(service="vpc", product="transit_gateway_attachment", unit="month",
                 terms="730 hours", price="36.5"))
        self.assertEqual((row["unit"], row["price"], row["terms"]), ("hour", "0.05", ""))
        self.assertIn("of 730 hours / 730]", row["source_detail"])

    def test_a_key_read_per_month_in_another_unit_is_an_error(self):
        with self.assertRaises(ValueError):
            import_reference.normalise_unit(fact(service="elb", product="alb", unit="GB"))

    def test_newest_row_wins_and_the_first_read_on_a_tie(self):
        old = fact(price="0.1", as_of="2025-01-01")
        new = fact(price="0.2", as_of="2026-01-01")
        tie = fact(price="0.3", as_of="2026-01-01")
        chosen = import_reference.newest([old, new, tie])
        self.assertEqual(chosen[("aws", "ec2", "m5.large", "us-east-1")]["price"], "0.2")


class ImportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows, cls.dropped = imported()

    def test_the_readme_lists_the_regions_files(self):
        self.assertEqual([path.name for path in facts.listed_region_files(FACTS)],
                         ["ai_tokens.csv", "aws_ec2.csv", "peer_goldens.csv"])

    def test_newest_source_wins_across_files(self):
        self.assertEqual(self.rows["aws/ec2/m5.large/us-east-1"]["price"], "0.096")
        self.assertEqual(self.rows["aws/elb/alb/us-east-1"]["price"], "16.425")
        self.assertEqual(self.rows["aws/elb/alb/us-east-1"]["as_of"], "2025-06-05")

    def test_every_region_of_a_key_has_one_unit(self):
        self.assertEqual(self.rows["aws/vpc/transit_gateway_attachment/us-east-1"]["unit"], "hour")
        self.assertEqual(self.rows["aws/vpc/transit_gateway_attachment/eu-west-1"]["unit"], "hour")

    def test_rows_without_a_date_or_one_region_are_left_out(self):
        self.assertEqual(self.dropped["no YYYY-MM-DD as_of"], 1)
        self.assertEqual(self.dropped["region names no single region"], 1)

    def test_spot_prices_are_a_service_of_their_own(self):
        self.assertEqual(self.rows["gcp/compute_engine/e2-standard-2/us-central1"]["price"], "0.067")
        spot = self.rows["gcp/compute_engine_spot/e2-standard-2/us-central1"]
        self.assertEqual((spot["price"], spot["terms"]), ("0.02", "spot"))

    def test_doubted_and_zero_facts_are_left_out(self):
        self.assertNotIn("gcp/compute_engine_rates/n4-predefined-vcpu/us-central1", self.rows)
        self.assertIn("gcp/compute_engine_rates/n2-predefined-vcpu/us-central1", self.rows)
        self.assertNotIn("aws/sns/http_notifications/eu-west-1", self.rows)

    def test_keys_filed_under_a_wider_name_are_renamed(self):
        self.assertNotIn("aws/rds/additional_backup_storage/us-east-1", self.rows)
        self.assertEqual(self.rows["aws/rds/aurora_postgresql_backup_storage/us-east-1"]["price"], "0.021")

    def test_stated_regions_are_kept_in_the_terms(self):
        row = self.rows["gcp/cloud_storage/standard/us"]
        self.assertEqual(row["terms"], "region as stated: us-multi (multi-region)")

    def test_cluster_profiles_take_published_defaults(self):
        row = self.rows["k8s/default/cpu/any"]
        self.assertEqual((row["unit"], row["price"]), ("vCPU-month", "28.0"))

    def test_peer_goldens_map_only_named_components(self):
        disk = self.rows["azure/managed_disks/premium_ssd_P4_LRS/eastus"]
        self.assertEqual((disk["unit"], disk["price"]), ("disk-month", "5.28"))
        firewall = self.rows["azure/firewall/Standard|AZFW_VNet/eastus"]
        self.assertEqual((firewall["unit"], firewall["price"]), ("hour", "1.25"))
        support = self.rows["aws/rds/extended_support_year_1|MySQL/us-east-1"]
        self.assertEqual((support["unit"], support["price"]), ("vCPU-hour", "0.1"))
        self.assertIn("derived", support["source_detail"])
        self.assertFalse(any(key.startswith("azure/firewall/data") for key in self.rows))

    def test_storage_accounts_are_keyed_by_the_configuration_their_address_names(self):
        capacity = self.rows["azure/storage/StorageV2|Standard|LRS|Hot|capacity/westus"]
        self.assertEqual((capacity["unit"], capacity["price"]), ("GB-month", "0.0208"))
        reads = self.rows["azure/storage/BlockBlobStorage|Premium|LRS|read_operations/westus"]
        self.assertEqual((reads["unit"], reads["price"]), ("10K operations", "0.002"))
        # A StorageV2 address without its access tier, or an address naming no configuration,
        # says too little to key a price.
        self.assertFalse(any(key.startswith("azure/storage/StorageV2|Standard|LRS|read")
                             or key.endswith("/eastus") and "/storage/" in key
                             for key in self.rows))

    def test_peer_goldens_rules_can_read_the_address(self):
        # Route 53 health checks: the goldens' `_withUsage` cases price endpoints outside AWS.
        def mapped(address, price):
            return peer_goldens.map_row({
                "provider": "aws", "service": "aws_route53_health_check",
                "product": f"{address}|Health check", "fact_unit": "month", "region": "us-east-1",
                "price": price, "source_detail": "golden"})
        aws_endpoint = mapped("aws_route53_health_check.https", "0.5")
        self.assertEqual((aws_endpoint["product"], aws_endpoint["region"]),
                         ("health_check_aws_endpoint", "global"))
        self.assertIsNone(mapped("aws_route53_health_check.https_withUsage", "0.75"))

    def test_peer_goldens_keys_whose_rows_disagree_are_left_out(self):
        self.assertNotIn("azure/public_ip/static_regional/westus", self.rows)
        self.assertEqual(self.dropped["peer_goldens.csv key whose rows disagree"], 1)

    def test_peer_goldens_gcp_rows_keyed_by_tier_address_and_scope(self):
        def peer(service, product, unit, price, region="us-central1", detail="x.golden @1"):
            return peer_goldens.map_row(fact(
                provider="gcp", service=service, product=product, region=region, unit=unit,
                price=price, source_detail=detail, origin=peer_goldens.FILE_NAME))
        redis = peer("google_redis_instance", "google_redis_instance.s|Redis instance "
                     "(standard, M3)", "GB", "33.58", detail="derived: $537.28 / 16 GB")
        redis = import_reference.normalise_unit(redis)
        # Per GB-month of 730 hours in the goldens, per GB-hour in the catalog.
        self.assertEqual((redis["service"], redis["product"], redis["unit"], redis["price"]),
                         ("memorystore_redis", "STANDARD_HA_M3", "GB-hour", "0.046"))
        self.assertTrue(redis["derived"])
        throttled = peer("google_cloud_run_v2_service", "google_cloud_run_v2_service.no_usage|"
                         "CPU allocation time (tier 2)", "vCPU-seconds", "3.36e-05",
                         region="europe-west3")
        always = peer("google_cloud_run_service", "google_cloud_run_service.throttling_disabled|"
                      "Memory allocation time (tier 2)", "GiB-seconds", "2.4e-06",
                      region="europe-west3")
        self.assertEqual((throttled["product"], throttled["unit"]),
                         ("request_based_vcpu", "vCPU-second"))
        self.assertEqual((always["product"], always["unit"]),
                         ("instance_based_memory", "GiB-second"))
        logging = peer("google_logging_project_sink", "google_logging_project_sink.basic|"
                       "Logging data", "GB", "0.5")
        self.assertEqual((logging["service"], logging["region"]), ("cloud_logging", "global"))
        self.assertIsNone(peer("google_compute_ha_vpn_gateway", "google_compute_ha_vpn_gateway.g|"
                               "Network egress > IPSec traffic within Asia", "GB", "0.08"))

    def test_ai_token_prices_carry_model_and_kind_in_the_product(self):
        input_price = self.rows["aws/bedrock/anthropic.claude-3-haiku-20240307-v1:0|input/any"]
        self.assertEqual((input_price["price"], input_price["unit"]), ("0.25", "1M input tokens"))
        self.assertEqual(self.rows["aws/bedrock/anthropic.claude-3-haiku-20240307-v1:0|output/any"]["price"], "1.25")
        batch = self.rows["aws/bedrock/anthropic.claude-3-haiku-20240307-v1:0|batch_input/any"]
        self.assertEqual((batch["price"], batch["terms"]), ("0.125", "batch"))
        self.assertEqual(self.rows["gcp/vertex_ai/gemini-2.5-flash|output_above_200k/any"]["price"], "2.5")

    def test_ai_routes_become_regions(self):
        self.assertIn("aws/bedrock/meta.llama3-70b-instruct-v1:0|input/eu-west-1", self.rows)
        # A cross-region inference profile keeps its prefix, as Bedrock's model id does.
        self.assertIn("aws/bedrock/us.anthropic.claude-3-haiku-20240307-v1:0|input/any", self.rows)
        self.assertEqual(self.rows["azure/openai/gpt-4o-mini|input/global"]["price"], "0.15")
        self.assertEqual(self.rows["azure/openai/gpt-4o-mini|cached_input/any"]["price"], "0.075")
        self.assertIn("azure/openai/gpt-4o-mini-2024-07-18|cache_write/eu", self.rows)
        detail = self.rows["aws/bedrock/meta.llama3-70b-instruct-v1:0|input/eu-west-1"]["source_detail"]
        self.assertTrue(detail.endswith("[key bedrock/eu-west-1/meta.llama3-70b-instruct-v1:0]"))

    def test_bedrock_provisioned_throughput_per_model_unit_hour(self):
        row = self.rows["aws/bedrock_provisioned_throughput/anthropic.claude-v2:1|1-month-commitment/us-east-1"]
        self.assertEqual((row["price"], row["unit"]), ("63", "model-unit-hour"))
        self.assertIn("aws/bedrock_provisioned_throughput/cohere.command-text-v14|6-month-commitment/any",
                      self.rows)

    def test_ai_entries_left_out(self):
        self.assertNotIn("aws/bedrock/amazon.titan-text-express-v1|input/any", self.rows)
        self.assertEqual(self.dropped["ai_tokens.csv entry the sources call stale"], 1)
        self.assertEqual(self.dropped["ai_tokens.csv key naming no single model and region"], 1)
        self.assertEqual(self.dropped["ai_tokens.csv service no resource type prices yet"], 1)

    def test_model_api_prices_named_by_their_provider(self):
        # OpenAI's own API, for Kubernetes workloads that call it: 0.15 per 1M input tokens.
        row = self.rows["openai/api/gpt-4o-mini|input/any"]
        self.assertEqual((row["price"], row["unit"]), ("0.15", "1M input tokens"))

    def test_ec2_sizes_are_filled_where_the_family_scales_linearly(self):
        large = self.rows["aws/ec2/m5.large/eu-west-1"]
        self.assertEqual(large["price"], "0.107")
        self.assertEqual(large["source_detail"], "derived from aws/ec2/m5.xlarge/eu-west-1 x 1/2")
        self.assertEqual(self.rows["aws/ec2/m5.2xlarge/eu-west-1"]["price"], "0.428")
        self.assertNotIn("aws/ec2/g5.2xlarge/eu-west-1", self.rows)


class Ec2ScalingTest(unittest.TestCase):
    def chosen(self, prices):
        return {("aws", "ec2", name, region): fact(product=name, region=region, price=price)
                for (name, region), price in prices.items()}

    def test_sizes_in_normalised_units(self):
        self.assertEqual(ec2_scaling.split_type("t3.micro"), ("t3", 0.5))
        self.assertEqual(ec2_scaling.split_type("m5.12xlarge"), ("m5", 96.0))
        self.assertIsNone(ec2_scaling.split_type("m5.metal"))

    def test_printed_rounding_is_not_an_exception(self):
        # t2.micro 0.0116 x 2 = 0.0232; AWS prints t2.small as 0.023.
        linear, exceptions = ec2_scaling.check(self.chosen(
            {("t2.micro", "us-east-1"): "0.0116", ("t2.small", "us-east-1"): "0.023",
             ("t2.medium", "us-east-1"): "0.0464"}))
        self.assertEqual((linear, exceptions), ({"t2"}, {}))

    def test_a_family_failing_in_one_region_is_not_filled_anywhere(self):
        chosen = self.chosen({("g5.xlarge", "us-east-1"): "1.006", ("g5.2xlarge", "us-east-1"): "1.212",
                              ("g5.xlarge", "eu-west-1"): "1.12"})
        self.assertEqual(ec2_scaling.fill_missing_sizes(chosen), [])
        self.assertIn("g5", ec2_scaling.check(chosen)[1])


class PackTest(unittest.TestCase):
    ENTRIES = [
        ["aws", "rds", "db.t3.micro|MySQL|single-az", "us-east-1", "hour", "0.017", "on-demand",
         "example.com/b", 'b.json @7 (copy) [key "db t3.micro", location "US East (N. Virginia)"]',
         "2025-06-05"],
        ["aws", "rds", "db.t3.micro|MySQL|single-az", "eu-west-1", "hour", "0.018", "on-demand",
         "example.com/b", 'b.json @7 (copy) [key "db t3.micro", location "EU (Ireland)"]', "2025-06-05"],
        ["aws", "rds", "storage_gp2", "us-east-1", "GB-month", "0.115", "", "example.com/c",
         "c.golden, with a comma", "2026-05-03"],
    ]

    def test_a_pack_reads_back_as_its_rows(self):
        text = catalog_pack.pack("aws", "rds", self.ENTRIES)
        self.assertEqual(sorted(catalog_pack.unpack(text)), sorted(self.ENTRIES))

    def test_rows_are_sorted_for_binary_search_and_pieces_shared(self):
        text = catalog_pack.pack("aws", "rds", self.ENTRIES)
        rows = text.split("rows,3\n")[1].splitlines()
        self.assertEqual([row.split(",")[1] for row in rows], ["eu-west-1", "us-east-1", "us-east-1"])
        self.assertEqual(text.count("b.json @7 (copy)"), 1)

    def test_a_product_that_needs_quoting_is_refused(self):
        with self.assertRaises(ValueError):
            catalog_pack.pack("aws", "rds", [["aws", "rds", "a,b", "us-east-1", "hour", "1", "",
                                              "s", "", "2026-01-01"]])


class DeterminismTest(unittest.TestCase):
    def build(self, out, inputs):
        with contextlib.redirect_stdout(io.StringIO()):
            import_reference.main([str(path) for path in inputs] + ["--out", str(out)])

    def test_rebuilding_from_the_same_facts_is_byte_identical(self):
        inputs = facts.default_inputs(FACTS, SUPPLEMENT)
        with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
            self.build(first, inputs)
            self.build(second, inputs)
            names = sorted(path.name for path in pathlib.Path(first).iterdir())
            self.assertIn("manifest.yaml", names)
            match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
            self.assertEqual((mismatch, errors), ([], []))
            # The version is the newest price's date and a digest of the rows, not today.
            manifest = (pathlib.Path(first) / "manifest.yaml").read_text()
            as_of = max(row["as_of"] for row in imported()[0].values())
            self.assertIn(f'as_of: "{as_of}"', manifest)
            self.assertRegex(manifest, rf'version: "{as_of.replace("-", ".")}-[0-9a-f]{{8}}"')

    def test_the_committed_catalog_is_what_the_shared_facts_build(self):
        shared = import_reference.find_facts_dir()
        if shared is None:
            self.skipTest("no ../shared/pricing beside the repository")
        committed = HERE.parents[1] / "src" / "pricing" / "catalog"
        with tempfile.TemporaryDirectory() as out:
            self.build(out, facts.default_inputs(shared, SUPPLEMENT))
            names = sorted(path.name for path in pathlib.Path(out).iterdir())
            self.assertEqual(names, sorted(path.name for path in committed.iterdir()
                                           if path.suffix in (".pack", ".yaml")
                                           and path.name != "cluster_profiles.yaml"))
            match, mismatch, errors = filecmp.cmpfiles(out, committed, names, shallow=False)
            self.assertEqual((mismatch, errors), ([], []))


if __name__ == "__main__":
    unittest.main()
