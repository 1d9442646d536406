#include "costgate/model/error.hpp"
#include "ingest/terraform_source/evaluator.hpp"
#include "ingest/terraform_source/hcl_parse.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <string>

using namespace costgate;
using namespace costgate::ingest;

namespace {

/// `var.NAME` from a map; `aws_instance.*` unknown, as resources are without a plan.
class TestScope final : public EvalScope {
  public:
    std::map<std::string, Value> variables;

    Value reference(const std::string& root, const std::string* attribute,
                    const HclPosition& where) override {
        if (root == "var" && attribute && variables.contains(*attribute))
            return variables.at(*attribute);
        if (root == "aws_instance")
            return Value::unknown();
        throw InputError({*where.file, where.line, where.column}, "unknown reference " + root);
    }
};

Value evaluate(const std::string& expression, TestScope scope = {}) {
    const HclBody body = parse_hcl(util::InputText("test.tf", "x = " + expression + "\n"));
    REQUIRE(body.attributes.size() == 1);
    SourceDiagnostics diagnostics;
    Evaluator evaluator(scope, diagnostics);
    return evaluator.evaluate(*body.attributes[0].expression);
}

std::string text(const std::string& expression, TestScope scope = {}) {
    const Value value = evaluate(expression, std::move(scope));
    REQUIRE(value.is_string());
    return value.as_string();
}

double number(const std::string& expression) {
    const Value value = evaluate(expression);
    REQUIRE(value.is_number());
    return value.as_number();
}

} // namespace

TEST_CASE("literals, operators and conditionals evaluate as Terraform's") {
    CHECK(number("1 + 2 * 3") == 7);
    CHECK(number("(1 + 2) * 3") == 9);
    CHECK(number("-4 % 3") == -1);
    CHECK(number("7 / 2") == 3.5);
    CHECK(evaluate("2 > 1 && !false").as_bool());
    CHECK(text("1 == 1 ? \"yes\" : \"no\"") == "yes");
    CHECK(evaluate("null").is_null());
    CHECK(number("1.5e3") == 1500);
    CHECK(evaluate("\"1\" == 1").as_bool() == false);
}

TEST_CASE("templates interpolate, escape and strip, and a lone interpolation keeps its type") {
    TestScope scope;
    scope.variables["name"] = Value::string("web");
    scope.variables["size"] = Value::number(100);
    CHECK(text(R"("${var.name}-${var.size}")", scope) == "web-100");
    CHECK(evaluate(R"("${var.size}")", scope).is_number());
    CHECK(text(R"("  a \"q\"\n $${x} %%{y}")") == "  a \"q\"\n ${x} %{y}");
    CHECK(text(R"("a %{ if true }b%{ else }c%{ endif } d")") == "a b d");
    CHECK(text(R"("%{ for v in ["x", "y"] }${v},%{ endfor }")") == "x,y,");
    CHECK(text(R"("a ${~ "b" ~} c")") == "abc");
    CHECK(text("\"\\u00e9\"") == "\xc3\xa9");
}

TEST_CASE("heredocs keep their lines and <<- removes the common indentation") {
    const HclBody body = parse_hcl(util::InputText(
        "test.tf",
        "a = <<EOT\n  one\n    two\nEOT\nb = <<-EOT\n    one\n      two ${1 + 1}\n    EOT\n"));
    SourceDiagnostics diagnostics;
    TestScope scope;
    Evaluator evaluator(scope, diagnostics);
    CHECK(evaluator.evaluate(*body.attributes[0].expression).as_string() == "  one\n    two\n");
    CHECK(evaluator.evaluate(*body.attributes[1].expression).as_string() == "one\n  two 2\n");
}

TEST_CASE("collections, for expressions, splats and indexes") {
    CHECK(number(R"({ a = 1, "b" = 2 }["b"])") == 2);
    CHECK(text(R"({ size = "x" }.size)") == "x");
    CHECK(number("[10, 20, 30][1]") == 20);
    CHECK(number("[[1, 2], [3]].1.0") == 3);
    const Value doubled = evaluate("[for n in [1, 2, 3] : n * 2 if n != 2]");
    REQUIRE(doubled.as_list().size() == 2);
    CHECK(doubled.as_list()[1].as_number() == 6);
    const Value keyed = evaluate(R"({for k, v in { a = 1, b = 2 } : upper(k) => v})");
    CHECK(keyed.as_map().at("B").as_number() == 2);
    const Value grouped = evaluate(R"({for v in ["a", "b", "a"] : v => v...})");
    CHECK(grouped.as_map().at("a").as_list().size() == 2);
    const Value names = evaluate(R"([{ n = "x" }, { n = "y" }][*].n)");
    CHECK(names.as_list()[1].as_string() == "y");
    // The legacy `.*` takes attributes only: an index after it picks from the list it
    // made (before, it indexed each element: `id[1]` of a string, an error).
    TestScope scope;
    scope.variables["groups"] = evaluate(R"([{ id = "a" }, { id = "b" }])");
    CHECK(text("var.groups.*.id[1]", scope) == "b");
    CHECK(text("var.groups.*.id.1", scope) == "b");
    // The full splat takes every step that follows.
    scope.variables["nested"] = evaluate(R"([{ ids = ["a", "b"] }, { ids = ["c", "d"] }])");
    CHECK(evaluate("var.nested[*].ids[1]", scope).as_list()[1].as_string() == "d");
}

TEST_CASE("a resource value reads the attributes nobody set, in it or its blocks, as unknown") {
    TestScope scope;
    scope.variables["site"] =
        Value::resource(evaluate(R"({ name = "hq", link = [{ name = "primary" }] })"));
    CHECK(text("var.site.link[0].name", scope) == "primary");
    CHECK(evaluate("var.site.link[0].id", scope).is_unknown());
    CHECK(evaluate("var.site.id", scope).is_unknown());
    // What is set stays known to functions (a resource's tags merged into others).
    CHECK(text(R"(merge(var.site, { extra = "x" }).name)", scope) == "hq");
    // A plain object still refuses a name it does not have.
    CHECK_THROWS_WITH(evaluate(R"({ a = 1 }.b)"), Catch::Contains("no attribute \"b\""));
}

TEST_CASE("functions that size resources") {
    CHECK(text(R"(lookup({ small = "t3.micro" }, "large", "m5.large"))") == "m5.large");
    CHECK(evaluate(R"(merge({ a = 1 }, { a = 2, b = 3 }))").as_map().at("a").as_number() == 2);
    CHECK(number("length(concat([1], [2, 3]))") == 3);
    CHECK(number("element([1, 2, 3], 4)") == 2);
    CHECK(text(R"(coalesce("", "x"))") == "x");
    CHECK(number("max(1, 5, 3)") == 5);
    CHECK(number("min([4, 2]...)") == 2);
    CHECK(number(R"(tonumber("42"))") == 42);
    CHECK(text("tostring(8)") == "8");
    CHECK(text(R"(format("%s-%03d-%.1f", "db", 7, 2.25))") == "db-007-2.2");
    CHECK(text(R"(join(",", split("-", "a-b-c")))") == "a,b,c");
    CHECK(evaluate(R"(toset(["b", "a", "b"]))").as_list().size() == 2);
    CHECK(evaluate(R"(tolist(["a"]))").is_list());
    CHECK(evaluate(R"(tomap({ a = "b" }))").is_map());
    CHECK(text(R"(try({ a = "x" }.b, "fallback"))") == "fallback");
    CHECK_FALSE(evaluate(R"(can({ a = 1 }.b))").as_bool());
    CHECK(text(R"(replace("m5.large", ".", "-"))") == "m5-large");
    CHECK(text(R"(substr("hello", 1, 3))") == "ell");
}

TEST_CASE("replace with a /pattern/ uses Terraform's syntax and expansion, in linear time") {
    // In HCL "\\" is one backslash and "$${" a literal "${".
    const auto [expression, expected] = GENERATE(table<std::string, std::string>({
        {R"(replace("m5.large", "/\\./", "-"))", "m5-large"},
        {R"(replace("hello world", "/(\\w+) (\\w+)/", "$2 $1"))", "world hello"},
        {R"(replace("db-16", "/(?P<family>[a-z]+)-(\\d+)/", "$${family}x$${2}"))", "dbx16"},
        {R"(replace("ab", "/(a)/", "$1x"))", "b"}, // Go reads the group named "1x": none
        {R"(replace("a", "/a/", "$$ $"))", "$ $"},
        {R"(replace("baaac", "/a*/", "-"))", "-b-c-"},
        // (a+)+b made std::regex backtrack for minutes (issue #19).
        {R"(replace("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", "/(a+)+b/", "x"))",
         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac"},
    }));
    CAPTURE(expression);
    CHECK(text(expression) == expected);
}

TEST_CASE("a replace pattern RE2 refuses, or too long a search, is an error at the call") {
    CHECK_THROWS_WITH(evaluate(R"(replace("a", "/(?=a)/", "b"))"),
                      "test.tf:1:5: call to function replace failed: invalid regular expression "
                      "/(?=a)/: invalid perl operator: (?=");
    // 20,480 characters, each a match: its searches would read over 200 million bytes.
    CHECK_THROWS_WITH(
        evaluate(
            R"(replace(join("", [for i in range(1024) : "aaaaaaaaaaaaaaaaaaaa"]), "/a/", "b"))"),
        Catch::StartsWith("test.tf:1:5: call to function replace failed: regular expression /a/: "
                          "replacing its matches in a 20480-byte text would search more than"));
}

TEST_CASE("anything that depends on an unknown value is unknown") {
    CHECK(evaluate("aws_instance.web.instance_type").is_unknown());
    CHECK(evaluate(R"("x-${aws_instance.web.id}")").is_unknown());
    CHECK(evaluate(R"(lookup({ a = 1 }, aws_instance.web.key, 2))").is_unknown());
    CHECK(evaluate("aws_instance.web.n > 1 ? 1 : 2").is_unknown());
    const Value partly = evaluate(R"({ known = 1, other = aws_instance.web.id })");
    CHECK(partly.is_map());
    CHECK(partly.has_unknown());
    CHECK(partly.as_map().at("known").as_number() == 1);
    CHECK(number("length([aws_instance.web.id, 2])") == 2);
    CHECK(evaluate("templatefile(\"x.tpl\", {})").is_unknown()); // not evaluated without a plan
}

TEST_CASE("evaluation errors name the file, line and column") {
    try {
        evaluate(R"({ a = 1 }["b"])");
        FAIL("expected an error");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()) == "test.tf:1:14: no element for the key \"b\"");
    }
    CHECK_THROWS_WITH(evaluate("lookup({}, \"k\")"),
                      "test.tf:1:5: call to function lookup failed: the given key \"k\" does not "
                      "exist in the map");
}

TEST_CASE("syntax errors are InputErrors at file:line:column") {
    CHECK_THROWS_WITH(
        parse_hcl(util::InputText("main.tf", "resource \"a\" \"b\" {\n  x = [1,\n}\n")),
        Catch::StartsWith("main.tf:2:"));
    CHECK_THROWS_WITH(parse_hcl(util::InputText("main.tf", "resource \"a\" \"b\" {\n  x = 1\n")),
                      Catch::StartsWith("main.tf:3:1: invalid HCL: missing \"}\""));
}
