#include "function_library.hpp"

#include <algorithm>
#include <set>

namespace costgate::ingest::functions {

namespace {

bool all_known(const FunctionArguments& arguments) {
    return std::none_of(arguments.begin(), arguments.end(),
                        [](const Value& value) { return value.is_unknown(); });
}

std::size_t utf8_length(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void flatten_into(const Value& value, Value::List& out, bool& unknown) {
    for (const Value& element : value.as_list()) {
        if (element.is_unknown())
            unknown = true;
        else if (element.is_list())
            flatten_into(element, out, unknown);
        else
            out.push_back(element);
    }
}

/// Sorted and without repeats, as Terraform orders a set of strings or numbers.
Value set_of(Value::List elements) {
    std::stable_sort(elements.begin(), elements.end(), [](const Value& a, const Value& b) {
        if (a.is_number() && b.is_number())
            return a.as_number() < b.as_number();
        return string_of(a) < string_of(b);
    });
    elements.erase(std::unique(elements.begin(), elements.end()), elements.end());
    return Value::list(std::move(elements));
}

} // namespace

const Value::List& list_of(const Value& value) {
    if (value.is_list())
        return value.as_list();
    throw FunctionError("expected a list, found " + std::string(value.type_name()));
}

const Value::Map& map_of(const Value& value) {
    if (value.is_map())
        return value.as_map();
    throw FunctionError("expected a map, found " + std::string(value.type_name()));
}

Value length(const FunctionArguments& arguments) {
    const Value& value = arguments[0];
    if (value.is_unknown())
        return Value::unknown();
    if (value.is_string())
        return Value::number(static_cast<double>(utf8_length(value.as_string())));
    if (value.is_map())
        return Value::number(static_cast<double>(value.as_map().size()));
    return Value::number(static_cast<double>(list_of(value).size()));
}

Value element(const FunctionArguments& arguments) {
    if (!all_known(arguments))
        return Value::unknown();
    const Value::List& list = list_of(arguments[0]);
    if (list.empty())
        throw FunctionError("cannot use element function with an empty list");
    return list[index_of(arguments[1]) % list.size()];
}

Value lookup(const FunctionArguments& arguments) {
    if (!all_known(arguments))
        return Value::unknown();
    const Value::Map& map = map_of(arguments[0]);
    if (const auto found = map.find(string_of(arguments[1])); found != map.end())
        return found->second;
    if (arguments.size() == 3)
        return arguments[2];
    throw FunctionError("the given key \"" + string_of(arguments[1]) +
                        "\" does not exist in the map");
}

Value merge(const FunctionArguments& arguments) {
    if (!all_known(arguments))
        return Value::unknown();
    Value::Map merged;
    for (const Value& argument : arguments) {
        if (argument.is_null())
            continue;
        for (const auto& [key, value] : map_of(argument))
            merged.insert_or_assign(key, value);
    }
    return Value::map(std::move(merged));
}

Value concat(const FunctionArguments& arguments) {
    if (!all_known(arguments))
        return Value::unknown();
    Value::List joined;
    for (const Value& argument : arguments)
        for (const Value& element : list_of(argument))
            joined.push_back(element);
    return Value::list(std::move(joined));
}

Value keys(const FunctionArguments& arguments) {
    if (arguments[0].is_unknown())
        return Value::unknown();
    Value::List names;
    for (const auto& [key, value] : map_of(arguments[0]))
        names.push_back(Value::string(key));
    return Value::list(std::move(names));
}

Value values(const FunctionArguments& arguments) {
    if (arguments[0].is_unknown())
        return Value::unknown();
    Value::List members;
    for (const auto& [key, value] : map_of(arguments[0]))
        members.push_back(value);
    return Value::list(std::move(members));
}

Value contains(const FunctionArguments& arguments) {
    const Value::List& list = list_of(arguments[0]);
    return Value::boolean(std::find(list.begin(), list.end(), arguments[1]) != list.end());
}

Value flatten(const FunctionArguments& arguments) {
    if (arguments[0].is_unknown())
        return Value::unknown();
    list_of(arguments[0]);
    Value::List flat;
    bool unknown = false;
    flatten_into(arguments[0], flat, unknown);
    return unknown ? Value::unknown() : Value::list(std::move(flat));
}

Value distinct(const FunctionArguments& arguments) {
    Value::List unique;
    for (const Value& element : list_of(arguments[0]))
        if (std::find(unique.begin(), unique.end(), element) == unique.end())
            unique.push_back(element);
    return Value::list(std::move(unique));
}

Value compact(const FunctionArguments& arguments) {
    Value::List kept;
    for (const Value& element : list_of(arguments[0]))
        if (!element.is_null() && !(element.is_string() && element.as_string().empty()))
            kept.push_back(element);
    return Value::list(std::move(kept));
}

Value coalesce(const FunctionArguments& arguments) {
    for (const Value& argument : arguments) {
        if (argument.is_unknown())
            return Value::unknown();
        if (!argument.is_null() && !(argument.is_string() && argument.as_string().empty()))
            return argument;
    }
    throw FunctionError("no non-null, non-empty-string arguments");
}

Value coalescelist(const FunctionArguments& arguments) {
    for (const Value& argument : arguments) {
        if (argument.is_unknown())
            return Value::unknown();
        if (!list_of(argument).empty())
            return argument;
    }
    throw FunctionError("no non-empty lists among the arguments");
}

Value slice(const FunctionArguments& arguments) {
    if (!all_known(arguments))
        return Value::unknown();
    const Value::List& list = list_of(arguments[0]);
    const std::size_t begin = index_of(arguments[1]);
    const std::size_t end = index_of(arguments[2]);
    if (begin > end || end > list.size())
        throw FunctionError("slice indices out of range for a list of " +
                            std::to_string(list.size()));
    return Value::list(Value::List(list.begin() + static_cast<std::ptrdiff_t>(begin),
                                   list.begin() + static_cast<std::ptrdiff_t>(end)));
}

Value index(const FunctionArguments& arguments) {
    const Value::List& list = list_of(arguments[0]);
    const auto found = std::find(list.begin(), list.end(), arguments[1]);
    if (found == list.end())
        throw FunctionError("item not found");
    return Value::number(static_cast<double>(found - list.begin()));
}

Value reverse(const FunctionArguments& arguments) {
    if (arguments[0].is_unknown())
        return Value::unknown();
    Value::List list = list_of(arguments[0]);
    std::reverse(list.begin(), list.end());
    return Value::list(std::move(list));
}

Value sort(const FunctionArguments& arguments) {
    std::vector<std::string> texts;
    for (const Value& element : list_of(arguments[0]))
        texts.push_back(string_of(element));
    std::sort(texts.begin(), texts.end());
    Value::List sorted;
    for (std::string& text : texts)
        sorted.push_back(Value::string(std::move(text)));
    return Value::list(std::move(sorted));
}

Value range(const FunctionArguments& arguments) {
    double start = 0;
    double limit = 0;
    double step = 1;
    if (arguments.size() == 1) {
        limit = number_of(arguments[0]);
    } else {
        start = number_of(arguments[0]);
        limit = number_of(arguments[1]);
        step = arguments.size() == 3 ? number_of(arguments[2]) : (limit < start ? -1 : 1);
    }
    if (step == 0 || (step > 0 && limit < start) || (step < 0 && limit > start))
        throw FunctionError("step must move from the start towards the limit");
    // Same bound as Terraform's: a range is for small sequences, not a way to exhaust memory.
    constexpr double k_max_elements = 1024;
    Value::List numbers;
    for (double at = start; step > 0 ? at < limit : at > limit; at += step) {
        if (static_cast<double>(numbers.size()) >= k_max_elements)
            throw FunctionError("more than 1024 numbers in the range");
        numbers.push_back(Value::number(at));
    }
    return Value::list(std::move(numbers));
}

Value zipmap(const FunctionArguments& arguments) {
    const Value::List& names = list_of(arguments[0]);
    const Value::List& members = list_of(arguments[1]);
    if (names.size() != members.size())
        throw FunctionError("the lists of keys and values differ in length");
    Value::Map map;
    for (std::size_t i = 0; i < names.size(); ++i)
        map.insert_or_assign(string_of(names[i]), members[i]);
    return Value::map(std::move(map));
}

Value toset(const FunctionArguments& arguments) {
    return set_of(list_of(arguments[0]));
}

Value tolist(const FunctionArguments& arguments) {
    if (arguments[0].is_unknown())
        return Value::unknown();
    list_of(arguments[0]);
    return arguments[0];
}

Value tomap(const FunctionArguments& arguments) {
    if (arguments[0].is_unknown())
        return Value::unknown();
    map_of(arguments[0]);
    return arguments[0];
}

Value one(const FunctionArguments& arguments) {
    if (arguments[0].is_unknown())
        return Value::unknown();
    const Value::List& list = list_of(arguments[0]);
    if (list.size() > 1)
        throw FunctionError("must be a list, set, or tuple value with either zero or one elements");
    return list.empty() ? Value() : list.front();
}

Value setunion(const FunctionArguments& arguments) {
    Value::List all;
    for (const Value& argument : arguments)
        for (const Value& element : list_of(argument))
            all.push_back(element);
    return set_of(std::move(all));
}

} // namespace costgate::ingest::functions
