#include "function_library.hpp"

#include <charconv>
#include <cmath>

namespace costgate::ingest::functions {

namespace {

/// The numbers among the arguments: min and max take them as separate arguments.
std::vector<double> numbers_of(const FunctionArguments& arguments) {
    std::vector<double> numbers;
    for (const Value& argument : arguments)
        numbers.push_back(number_of(argument));
    return numbers;
}

} // namespace

double number_of(const Value& value) {
    if (value.is_number())
        return value.as_number();
    if (value.is_string()) {
        const std::string& text = value.as_string();
        double number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (!text.empty() && error == std::errc() && end == text.data() + text.size())
            return number;
        throw FunctionError("cannot convert \"" + text + "\" to a number");
    }
    throw FunctionError("expected a number, found " + std::string(value.type_name()));
}

std::string string_of(const Value& value) {
    if (value.is_string())
        return value.as_string();
    if (value.is_number())
        return format_number(value.as_number());
    if (value.is_bool())
        return value.as_bool() ? "true" : "false";
    throw FunctionError("expected a string, found " + std::string(value.type_name()));
}

bool bool_of(const Value& value) {
    if (value.is_bool())
        return value.as_bool();
    if (value.is_string() && (value.as_string() == "true" || value.as_string() == "false"))
        return value.as_string() == "true";
    throw FunctionError("expected a bool, found " + std::string(value.type_name()));
}

std::size_t index_of(const Value& value) {
    const double number = number_of(value);
    if (number < 0 || std::trunc(number) != number || number > 1e9)
        throw FunctionError("expected a whole number from 0, found " + format_number(number));
    return static_cast<std::size_t>(number);
}

Value min(const FunctionArguments& arguments) {
    double smallest = INFINITY;
    for (const double number : numbers_of(arguments))
        smallest = std::min(smallest, number);
    return Value::number(smallest);
}

Value max(const FunctionArguments& arguments) {
    double largest = -INFINITY;
    for (const double number : numbers_of(arguments))
        largest = std::max(largest, number);
    return Value::number(largest);
}

Value sum(const FunctionArguments& arguments) {
    const Value::List& list = list_of(arguments[0]);
    if (list.empty())
        throw FunctionError("cannot sum an empty list");
    double total = 0;
    for (const Value& element : list)
        total += number_of(element);
    return Value::number(total);
}

Value abs(const FunctionArguments& arguments) {
    return Value::number(std::fabs(number_of(arguments[0])));
}
Value ceil(const FunctionArguments& arguments) {
    return Value::number(std::ceil(number_of(arguments[0])));
}
Value floor(const FunctionArguments& arguments) {
    return Value::number(std::floor(number_of(arguments[0])));
}

Value tonumber(const FunctionArguments& arguments) {
    return arguments[0].is_null() ? Value() : Value::number(number_of(arguments[0]));
}

Value tobool(const FunctionArguments& arguments) {
    return arguments[0].is_null() ? Value() : Value::boolean(bool_of(arguments[0]));
}

Value tostring(const FunctionArguments& arguments) {
    return arguments[0].is_null() ? Value() : Value::string(string_of(arguments[0]));
}

} // namespace costgate::ingest::functions
