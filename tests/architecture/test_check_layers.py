#!/usr/bin/env python3
"""Unit tests of check_layers.py on small trees that break each rule once."""
import pathlib
import subprocess
import sys
import tempfile
import unittest

CHECK = pathlib.Path(__file__).with_name("check_layers.py")


def run(files):
    with tempfile.TemporaryDirectory() as root:
        for name, text in files.items():
            path = pathlib.Path(root, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        result = subprocess.run([sys.executable, str(CHECK), root], capture_output=True, text=True)
        return result.returncode, result.stdout


class CheckLayers(unittest.TestCase):
    def test_a_layer_may_include_its_left_and_its_own_private_headers(self):
        code, out = run({
            "include/costgate/model/resource.hpp": "namespace costgate {\n}\n",
            "src/pricing/aws/pricers.hpp": "namespace costgate::pricing::aws {\n}\n",
            "src/pricing/registry.cpp": '#include "costgate/model/resource.hpp"\n'
                                        '#include "aws/pricers.hpp"\nnamespace costgate::pricing {\n}\n',
        })
        self.assertEqual(code, 0, out)

    def test_including_a_layer_to_the_right_fails(self):
        code, out = run({"src/pricing/catalog.cpp": '#include "costgate/policy/match.hpp"\n'})
        self.assertEqual(code, 1)
        self.assertIn("src/pricing/catalog.cpp:1: pricing includes costgate/policy/match.hpp", out)

    def test_another_layers_private_header_fails(self):
        code, out = run({
            "src/pricing/csv.hpp": "",
            "src/policy/specs.cpp": '#include "../pricing/csv.hpp"\n#include "pricing/csv.hpp"\n',
        })
        self.assertEqual(code, 1)
        self.assertIn("src/policy/specs.cpp:1: includes ../pricing/csv.hpp through '..'", out)
        self.assertIn("src/policy/specs.cpp:2: includes pricing/csv.hpp, which is not a header", out)

    def test_a_public_header_may_not_include_a_private_one(self):
        code, out = run({
            "src/ingest/region.hpp": "",
            "include/costgate/ingest/plan.hpp": '#include "region.hpp"\n',
        })
        self.assertEqual(code, 1)
        self.assertIn("public header includes the private header region.hpp", out)

    def test_a_file_outside_its_layers_namespace_fails(self):
        code, out = run({"src/report/table.cpp": "namespace costgate::policy {\n}\n"})
        self.assertEqual(code, 1)
        self.assertIn("declares namespace costgate::policy; the report layer's is costgate::report", out)


if __name__ == "__main__":
    unittest.main()
