"""Tests for instance_specs.py: the generated tables convert to sorted spec rows with the
right hardware, and what cannot be represented is left out with a note.
Run: python3 -m unittest discover -s tools/specs -p 'test_*.py'"""
import csv
import io
import pathlib
import subprocess
import sys
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import instance_specs  # noqa: E402

TESTDATA = HERE / "testdata"


def text(name):
    return (TESTDATA / name).read_text(encoding="utf-8")


class GcpTest(unittest.TestCase):
    def setUp(self):
        self.rows, self.notes = instance_specs.gcp(text("pricing.yml"), text("machinetypes.csv"),
                                                   "fd66b26f", "2026-07-30")
        self.by_type = {row[1]: row for row in self.rows}

    def test_one_sorted_row_per_priced_predefined_type(self):
        self.assertEqual([row[1] for row in self.rows],
                         ["a2-highgpu-1g", "c4-highcpu-288-metal", "e2-micro", "n1-standard-1"])

    def test_vcpus_and_memory_from_machine_types_gpus_from_pricing(self):
        self.assertEqual(self.by_type["a2-highgpu-1g"][:5], ["gcp", "a2-highgpu-1g", "12", "85", "1"])
        self.assertEqual(self.by_type["n1-standard-1"][2:5], ["1", "3.75", "0"])
        self.assertIn("machinetypes.csv @fd66b26f", self.by_type["a2-highgpu-1g"][6])
        self.assertIn("GPUs: pricing.yml a100", self.by_type["a2-highgpu-1g"][6])
        self.assertEqual(self.by_type["a2-highgpu-1g"][7], "2026-07-30")

    def test_shared_core_types_keep_their_guest_vcpus(self):
        # pricing.yml bills e2-micro 0.25 of a vCPU; the machine has 2.
        self.assertEqual(self.by_type["e2-micro"][2:5], ["2", "1", "0"])

    def test_a_type_machinetypes_lacks_takes_whole_vcpus_from_pricing(self):
        self.assertEqual(self.by_type["c4-highcpu-288-metal"][2:5], ["288", "576", "0"])
        self.assertIn("pricing.yml @fd66b26f", self.by_type["c4-highcpu-288-metal"][6])

    def test_custom_types_and_gpu_fractions_are_left_out_with_a_note(self):
        self.assertEqual(self.notes, ["custom-1-7680-ext: custom type, read from its name",
                                      "g4-standard-6: 0.125 of a GPU, not a whole count"])

    def test_an_unknown_field_stops_the_conversion(self):
        pricing = text("pricing.yml").replace("      a100: 1\n", "      b200: 1\n")
        with self.assertRaises(SystemExit):
            instance_specs.gcp(pricing, text("machinetypes.csv"), "fd66b26f", "2026-07-30")


class AzureTest(unittest.TestCase):
    def test_sizes_sorted_memory_in_gib_empty_memory_left_out(self):
        rows, notes = instance_specs.azure(text("azure_instance_types.go"), "03e49d9c", "2026-03-05")
        self.assertEqual([row[:5] for row in rows],
                         [["azure", "Standard_A2_v2", "2", "4", "0"],
                          ["azure", "Standard_NC4as_T4_v3", "4", "28", "1"]])
        self.assertIn("azure_instance_types.go @03e49d9c", rows[0][6])
        self.assertEqual(notes, ["Standard_B1ls: 1 vCPUs, 0 MiB in the table"])


class CommandTest(unittest.TestCase):
    def test_prints_the_spec_csv_header_and_rows(self):
        result = subprocess.run(
            [sys.executable, str(HERE / "instance_specs.py"), "gcp", str(TESTDATA / "pricing.yml"),
             str(TESTDATA / "machinetypes.csv"), "--commit", "fd66b26f", "--as-of", "2026-07-30"],
            capture_output=True, text=True, check=True)
        rows = list(csv.reader(io.StringIO(result.stdout)))
        self.assertEqual(rows[0], instance_specs.HEADER)
        self.assertEqual(len(rows), 5)
        self.assertIn("4 rows", result.stderr)


if __name__ == "__main__":
    unittest.main()
