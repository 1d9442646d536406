#include "body_values.hpp"

#include "costgate/model/error.hpp"

#include <set>

namespace costgate::ingest {

namespace {

bool is_meta_argument(std::string_view name) {
    return name == "count" || name == "for_each" || name == "provider" || name == "depends_on";
}

bool is_meta_block(std::string_view type) {
    return type == "lifecycle" || type == "provisioner" || type == "connection";
}

Value evaluate_body(const HclBody& body, Evaluator& evaluator, bool resource_level);

/// Adds the blocks one `dynamic "TYPE"` block generates to blocks[TYPE].
void expand_dynamic(const HclBlockNode& dynamic, Evaluator& evaluator,
                    std::map<std::string, Value::List>& blocks,
                    std::set<std::string>& unknown_types) {
    if (dynamic.labels.size() != 1)
        throw InputError({*dynamic.position.file, dynamic.position.line, dynamic.position.column},
                         "dynamic blocks take one label, the block type");
    const std::string& type = dynamic.labels[0];
    const HclBody& body = *dynamic.body;
    const HclAttribute* for_each = body.attribute("for_each");
    const HclBlockNode* content = nullptr;
    for (const HclBlockNode& block : body.blocks)
        if (block.type == "content")
            content = &block;
    if (!for_each || !content)
        throw InputError({*dynamic.position.file, dynamic.position.line, dynamic.position.column},
                         "dynamic \"" + type + "\" needs for_each and a content block");
    std::string iterator = type;
    if (const HclAttribute* name = body.attribute("iterator"))
        iterator = name->expression->kind == HclExpression::Kind::variable
                       ? name->expression->name
                       : name->expression->value.as_string();
    const Value collection = evaluator.evaluate(*for_each->expression);
    if (collection.is_unknown()) {
        unknown_types.insert(type);
        return;
    }
    const auto add = [&](Value key, const Value& value) {
        evaluator.bind(iterator, Value::map({{"key", std::move(key)}, {"value", value}}));
        blocks[type].push_back(evaluate_body(*content->body, evaluator, false));
        evaluator.unbind();
    };
    if (collection.is_map()) {
        for (const auto& [key, value] : collection.as_map())
            add(Value::string(key), value);
    } else if (collection.is_list()) {
        for (std::size_t i = 0; i < collection.as_list().size(); ++i)
            add(Value::number(static_cast<double>(i)), collection.as_list()[i]);
    } else if (!collection.is_null()) {
        throw InputError(
            {*for_each->position.file, for_each->position.line, for_each->position.column},
            "dynamic block for_each needs a collection, found a " +
                std::string(collection.type_name()));
    }
}

Value evaluate_body(const HclBody& body, Evaluator& evaluator, bool resource_level) {
    Value::Map members;
    for (const HclAttribute& attribute : body.attributes)
        if (!resource_level || !is_meta_argument(attribute.name))
            members.insert_or_assign(attribute.name, evaluator.evaluate(*attribute.expression));
    std::map<std::string, Value::List> blocks;
    std::set<std::string> unknown_types;
    for (const HclBlockNode& block : body.blocks) {
        if (resource_level && is_meta_block(block.type))
            continue;
        if (block.type == "dynamic")
            expand_dynamic(block, evaluator, blocks, unknown_types);
        else
            blocks[block.type].push_back(evaluate_body(*block.body, evaluator, false));
    }
    for (auto& [type, list] : blocks)
        members.insert_or_assign(type, Value::list(std::move(list)));
    for (const std::string& type : unknown_types)
        members.insert_or_assign(type, Value::unknown());
    return Value::map(std::move(members));
}

} // namespace

Value evaluate_resource_body(const HclBody& body, Evaluator& evaluator) {
    return evaluate_body(body, evaluator, true);
}

} // namespace costgate::ingest
