#include "cli/completion_candidates.hpp"

#include "cli/completion_values.hpp"

#include <CLI/CLI.hpp>
#include <unordered_set>

namespace mbl::cli {
namespace {

// The option `name` (`--kind`, `-f`) of `command` or of a command above it (global options).
const CLI::Option* find_completion_option(const CLI::App& command, const std::string& name) {
    for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
        if (const CLI::Option* option = app->get_option_no_throw(name)) {
            return option;
        }
    }
    return nullptr;
}

const CLI::App* find_visible_subcommand(const CLI::App& command, const std::string& name) {
    for (const CLI::App* sub : command.get_subcommands({})) {
        if (!sub->get_group().empty() && sub->get_name() == name) {
            return sub;
        }
    }
    return nullptr;
}

bool completion_is_file_option(const CLI::Option& option) {
    return option.check_lname("file");
}

bool completion_takes_value(const CLI::Option& option) {
    return option.get_type_size() != 0;
}

// What the words before the cursor lead to.
struct CompletionState {
    const CLI::App* command = nullptr;
    std::size_t operands = 0;              // operands of `command` typed so far
    const CLI::Option* awaiting = nullptr; // an option whose value is the current word
    std::optional<std::string> file;       // -f/--file on the line
    bool after_double_dash = false;
};

void completion_read_option_word(CompletionState& state, const std::string& word,
                                 std::optional<std::string> inline_value) {
    const CLI::Option* option = find_completion_option(*state.command, word);
    if (option == nullptr || !completion_takes_value(*option)) {
        return;
    }
    if (!inline_value) {
        state.awaiting = option;
    } else if (completion_is_file_option(*option)) {
        state.file = *inline_value;
    }
}

// Reads words[0 .. end): `--opt=value` and bash's `--opt` `=` `value` are one option with its
// value.
CompletionState completion_read_words(const CLI::App& root, const std::vector<std::string>& words,
                                      std::size_t end) {
    CompletionState state;
    state.command = &root;
    for (std::size_t i = 0; i < end; ++i) {
        const std::string& word = words[i];
        if (state.awaiting != nullptr) {
            if (word != "=") {
                if (completion_is_file_option(*state.awaiting)) {
                    state.file = word;
                }
                state.awaiting = nullptr;
            }
        } else if (state.after_double_dash) {
            ++state.operands;
        } else if (word == "--") {
            state.after_double_dash = true;
        } else if (word.size() > 1 && word.front() == '-') {
            std::size_t equals = word.find('=');
            completion_read_option_word(state, word.substr(0, equals),
                                        equals == std::string::npos
                                            ? std::nullopt
                                            : std::optional<std::string>(word.substr(equals + 1)));
        } else if (const CLI::App* sub = find_visible_subcommand(*state.command, word)) {
            state.command = sub;
            state.operands = 0;
        } else {
            ++state.operands;
        }
    }
    return state;
}

void completion_add_values(std::vector<std::string>& out, const CompletionValues& values,
                           const std::optional<std::string>& file, const IdLookup& ids) {
    if (const auto* spellings = std::get_if<std::vector<std::string>>(&values)) {
        out.insert(out.end(), spellings->begin(), spellings->end());
    } else if (const auto* kind = std::get_if<CompletedIds>(&values)) {
        std::vector<std::string> found = ids(*kind, file);
        out.insert(out.end(), found.begin(), found.end());
    }
}

// The operand `index` of `command` (a repeatable last operand takes every later one).
const CLI::Option* completion_operand_at(const CLI::App& command, std::size_t index) {
    std::vector<const CLI::Option*> operands =
        command.get_options([](const CLI::Option* option) { return option->get_positional(); });
    for (const CLI::Option* operand : operands) {
        if (operand->get_expected_max() >= CLI::detail::expected_max_vector_size) {
            return operand;
        }
        if (index == 0) {
            return operand;
        }
        --index;
    }
    return nullptr;
}

void completion_add_option_names(std::vector<std::string>& out, const CLI::App& command) {
    for (const CLI::App* app = &command; app != nullptr; app = app->get_parent()) {
        for (const CLI::Option* option : app->get_options()) {
            if (option->get_positional() || option->get_group().empty()) {
                continue;
            }
            for (const std::string& name : option->get_lnames()) {
                out.push_back("--" + name);
            }
            for (const std::string& name : option->get_snames()) {
                out.push_back("-" + name);
            }
        }
    }
}

std::vector<std::string> completion_starting_with(const std::vector<std::string>& candidates,
                                                  const std::string& prefix) {
    std::vector<std::string> kept;
    std::unordered_set<std::string_view> seen; // views into `candidates`, which outlives it
    for (const std::string& candidate : candidates) {
        if (candidate.compare(0, prefix.size(), prefix) == 0 && seen.insert(candidate).second) {
            kept.push_back(candidate);
        }
    }
    return kept;
}

// bash splits `status=re` at `=`: words ending in FIELD `=` or FIELD `=` VALUE, where FIELD is
// typed as a `FIELD=VALUE` operand, complete VALUE alone. None otherwise.
std::optional<std::vector<std::string>>
completion_split_assignment(const CLI::App& root, const std::vector<std::string>& words,
                            const IdLookup& ids) {
    const std::size_t count = words.size();
    std::size_t equals = count >= 2 && words[count - 1] == "="   ? count - 1
                         : count >= 3 && words[count - 2] == "=" ? count - 2
                                                                 : 0;
    if (equals == 0 || words[equals - 1].empty() || words[equals - 1].front() == '-') {
        return std::nullopt;
    }
    CompletionState state = completion_read_words(root, words, equals - 1);
    if (state.awaiting != nullptr ||
        !completion_is_assignment(completion_operand_at(*state.command, state.operands))) {
        return std::nullopt;
    }
    std::vector<std::string> values;
    completion_add_values(values, completion_values_of_field(*state.command, words[equals - 1]),
                          state.file, ids);
    return completion_starting_with(values, equals == count - 1 ? "" : words.back());
}

} // namespace

std::vector<std::string> completion_candidates(const CLI::App& root,
                                               const std::vector<std::string>& words,
                                               const IdLookup& ids) {
    if (words.empty()) {
        return {};
    }
    if (auto assigned = completion_split_assignment(root, words, ids)) {
        return *assigned;
    }
    std::string current = words.back();
    std::size_t end = words.size() - 1;
    if (current == "=") { // bash: `--kind=` with the cursor after `=`
        current.clear();
        ++end;
    }
    CompletionState state = completion_read_words(root, words, end);
    std::vector<std::string> candidates;
    if (state.awaiting != nullptr) {
        completion_add_values(candidates, completion_values_of_option(*state.awaiting), state.file,
                              ids);
        return completion_starting_with(candidates, current);
    }
    if (!state.after_double_dash && current.size() > 1 && current.front() == '-') {
        std::size_t equals = current.find('=');
        if (equals == std::string::npos) {
            completion_add_option_names(candidates, *state.command);
            return completion_starting_with(candidates, current);
        }
        const std::string name = current.substr(0, equals);
        if (const CLI::Option* option = find_completion_option(*state.command, name)) {
            std::vector<std::string> values;
            completion_add_values(values, completion_values_of_option(*option), state.file, ids);
            for (const std::string& value : values) {
                candidates.push_back(name + "=" + value);
            }
        }
        return completion_starting_with(candidates, current);
    }
    if (current == "-") {
        completion_add_option_names(candidates, *state.command);
        return completion_starting_with(candidates, current);
    }
    if (!state.after_double_dash) {
        for (const CLI::App* sub : state.command->get_subcommands({})) {
            if (!sub->get_group().empty()) {
                candidates.push_back(sub->get_name());
            }
        }
    }
    const CLI::Option* operand = completion_operand_at(*state.command, state.operands);
    if (std::size_t equals = current.find('=');
        equals != std::string::npos && completion_is_assignment(operand)) {
        const std::string field = current.substr(0, equals);
        std::vector<std::string> values;
        completion_add_values(values, completion_values_of_field(*state.command, field), state.file,
                              ids);
        for (const std::string& value : values) {
            candidates.push_back(field + "=" + value);
        }
    } else if (operand != nullptr) {
        completion_add_values(candidates, completion_values_of_operand(*state.command, *operand),
                              state.file, ids);
    }
    return completion_starting_with(candidates, current);
}

} // namespace mbl::cli
