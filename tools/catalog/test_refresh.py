"""Tests for refresh.py: each public export format converts to catalog rows that costgate
reads back. Run: python3 -m unittest discover -s tools/catalog -p 'test_*.py'"""
import csv
import io
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import refresh  # noqa: E402

TESTDATA = HERE / "testdata"


class RefreshTest(unittest.TestCase):
    def test_aws_keeps_on_demand_shared_linux_hours(self):
        rows = refresh.aws_ec2(TESTDATA / "AmazonEC2.csv")
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][:6], ["aws", "ec2", "m5.large", "us-east-1", "hour", "0.096"])
        self.assertEqual(rows[0][9], "2026-07-20")
        self.assertIn("SKU 2WTMTR9HDDT7AA73", rows[0][8])

    def test_aws_refuses_another_offer(self):
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
            handle.write('"FormatVersion","v1.0"\n"Disclaimer","x"\n"Publication Date","2026-07-20T00:00:00Z"\n'
                         '"Version","1"\n"OfferCode","AmazonRDS"\n')
        try:
            with self.assertRaises(SystemExit):
                refresh.aws_ec2(handle.name)
        finally:
            os.unlink(handle.name)

    def test_azure_keeps_linux_and_windows_pay_as_you_go(self):
        rows = refresh.azure_vm([TESTDATA / "azure_retail_prices.json"], "2026-06-18")
        self.assertEqual([row[:7] for row in rows],
                         [["azure", "virtual_machines", "Standard_D2s_v5", "westeurope", "hour", "0.115",
                           "Linux pay-as-you-go"],
                          ["azure", "virtual_machines_windows", "Standard_D2s_v5", "westeurope", "hour",
                           "0.207", "Windows pay-as-you-go"]])
        self.assertEqual(rows[0][9], "2026-06-18")

    def test_gcp_expands_regions_and_skips_spot(self):
        rows = refresh.gcp_compute([TESTDATA / "gcp_compute_skus.json"], "2026-07-30")
        keys = sorted((row[2], row[3], row[4], row[5]) for row in rows)
        self.assertEqual(keys, [("n2-predefined-ram", "us-central1", "GB-hour", "0.004237"),
                                ("n2-predefined-ram", "us-east1", "GB-hour", "0.004237"),
                                ("n2-predefined-vcpu", "us-central1", "vCPU-hour", "0.031611"),
                                ("n2-predefined-vcpu", "us-east1", "vCPU-hour", "0.031611")])

    def test_output_is_a_catalog_costgate_reads(self):
        costgate = os.environ.get("COSTGATE")
        if not costgate:
            self.skipTest("COSTGATE (path to the binary) not set")
        with tempfile.TemporaryDirectory() as work:
            out = pathlib.Path(work) / "aws_ec2.csv"
            subprocess.run([sys.executable, str(HERE / "refresh.py"), "aws-ec2", str(TESTDATA / "AmazonEC2.csv"),
                            "--out", str(out)], check=True, capture_output=True)
            header = next(csv.reader(io.StringIO(out.read_text())))
            self.assertEqual(header, refresh.HEADER)
            shown = subprocess.run([costgate, "catalog", "--catalog", str(out), "show", "aws/ec2/m5.large/us-east-1"],
                                   check=True, capture_output=True, text=True).stdout
            self.assertIn("source: AWS Price List bulk API", shown)
            self.assertIn("as_of: 2026-07-20", shown)

    def test_azure_and_gcp_need_a_download_date(self):
        with self.assertRaises(SystemExit):
            refresh.main(["azure-vm", str(TESTDATA / "azure_retail_prices.json")])


if __name__ == "__main__":
    unittest.main()
