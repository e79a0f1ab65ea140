// The workbook's XML parts through expat (Debian's libexpat1-dev, 2.5.x), and part paths.
//
// Why expat: a streaming (SAX) parser, so a sheet of hundreds of megabytes is parsed a piece at a
// time as it is inflated, in bounded memory, with no tree built; in Debian for decades, small,
// fuzzed. Namespaces are not processed (expat's namespace mode costs a third more time on a large
// sheet): prefixes are dropped instead, since some writers prefix SpreadsheetML's elements
// (`x:row`) and Strict OOXML uses other namespace URIs, and handlers match local names only.
// Hardening done here: any DOCTYPE is
// refused, so no entity is ever declared, let alone expanded (expat 2.4+ also limits entity
// amplification itself); parameter entities are never parsed; nesting is capped.
#include "mbl/error.hpp"
#include "xlsx_detail.hpp"

#include <algorithm>
#include <exception>
#include <expat.h>
#include <fmt/format.h>
#include <memory>

namespace mbl::xlsx_detail {
namespace {

constexpr std::size_t max_depth = 256;

// `row` for `x:row` and `row`.
std::string_view local_name(const XML_Char* name) {
    std::string_view full(name);
    std::size_t colon = full.rfind(':');
    return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

struct ParserDeleter {
    void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

// What the callbacks share: the handler, the depth, and why parsing stopped.
struct ParseState {
    XML_Parser parser = nullptr;
    XmlHandler* handler = nullptr;
    std::size_t depth = 0;
    std::string refusal;                  // our own reason to stop
    std::exception_ptr handler_exception; // the handler's (not thrown through expat's C frames)
    std::vector<const char*> attributes;  // local names and values
};

void stop(ParseState& state, std::string reason) {
    if (state.refusal.empty() && !state.handler_exception) {
        state.refusal = std::move(reason);
    }
    XML_StopParser(state.parser, XML_FALSE);
}

template <typename Call> void guarded(ParseState& state, Call call) {
    if (!state.refusal.empty() || state.handler_exception) {
        return;
    }
    try {
        call();
    } catch (...) {
        state.handler_exception = std::current_exception();
        XML_StopParser(state.parser, XML_FALSE);
    }
}

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& state = *static_cast<ParseState*>(data);
    if (++state.depth > max_depth) {
        stop(state, fmt::format("elements nested deeper than {} levels", max_depth));
        return;
    }
    state.attributes.clear();
    for (const XML_Char** attribute = attributes; *attribute != nullptr; attribute += 2) {
        state.attributes.push_back(local_name(attribute[0]).data());
        state.attributes.push_back(attribute[1]);
    }
    state.attributes.push_back(nullptr);
    guarded(state, [&] { state.handler->start(local_name(name), state.attributes.data()); });
}

void on_end(void* data, const XML_Char* name) {
    auto& state = *static_cast<ParseState*>(data);
    --state.depth;
    guarded(state, [&] { state.handler->end(local_name(name)); });
}

void on_text(void* data, const XML_Char* text, int length) {
    auto& state = *static_cast<ParseState*>(data);
    guarded(state,
            [&] { state.handler->text(std::string_view(text, static_cast<std::size_t>(length))); });
}

void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    stop(*static_cast<ParseState*>(data),
         "has a DOCTYPE (refused: entity declarations can expand without bound, and Excel never "
         "writes one); save the workbook again from Excel");
}

void on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
               const XML_Char*, const XML_Char*, const XML_Char*) {
    stop(*static_cast<ParseState*>(data), "declares an entity (refused)");
}

} // namespace

std::optional<std::string_view> attribute(const char** attributes, std::string_view name) {
    for (const char** item = attributes; *item != nullptr; item += 2) {
        if (name == *item) {
            return std::string_view(item[1]);
        }
    }
    return std::nullopt;
}

struct XmlPartParser::State {
    ParseState parse;
    std::unique_ptr<XML_ParserStruct, ParserDeleter> parser;
};

XmlPartParser::XmlPartParser(const ZipArchive& archive, std::string_view part, XmlHandler& handler)
    : label_(archive.label()), part_(part), input_(archive, part),
      state_(std::make_unique<State>()) {
    state_->parser.reset(XML_ParserCreate(nullptr));
    XML_Parser parser = state_->parser.get();
    if (parser == nullptr) {
        refuse_part(label_, part, "cannot start the XML parser (out of memory)");
    }
    state_->parse.parser = parser;
    state_->parse.handler = &handler;
    XML_SetUserData(parser, &state_->parse);
    XML_SetElementHandler(parser, on_start, on_end);
    XML_SetCharacterDataHandler(parser, on_text);
    XML_SetStartDoctypeDeclHandler(parser, on_doctype);
    XML_SetEntityDeclHandler(parser, on_entity);
    XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlPartParser::~XmlPartParser() = default;

bool XmlPartParser::parse_more() {
    if (finished_) {
        return false;
    }
    XML_Parser parser = state_->parser.get();
    std::string_view piece = input_.read();
    finished_ = piece.empty();
    XML_Status status = XML_Parse(parser, piece.data(), static_cast<int>(piece.size()),
                                  finished_ ? XML_TRUE : XML_FALSE);
    ParseState& state = state_->parse;
    if (state.handler_exception) {
        std::rethrow_exception(state.handler_exception);
    }
    if (!state.refusal.empty()) {
        refuse_part(label_, part_, state.refusal);
    }
    if (status != XML_STATUS_OK) {
        refuse_part(label_, part_,
                    fmt::format("malformed XML at line {}, column {}: {}; open the workbook "
                                "in Excel and save it again as .xlsx",
                                XML_GetCurrentLineNumber(parser),
                                XML_GetCurrentColumnNumber(parser) + 1,
                                XML_ErrorString(XML_GetErrorCode(parser))));
    }
    return !finished_;
}

void parse_part(const ZipArchive& archive, std::string_view part, XmlHandler& handler) {
    XmlPartParser parser(archive, part, handler);
    while (parser.parse_more()) {
    }
}

std::optional<std::string> resolve_target(std::string_view source_part, std::string_view target) {
    if (target.empty()) {
        return std::nullopt;
    }
    std::vector<std::string_view> segments;
    if (!target.starts_with('/')) {
        std::size_t slash = source_part.rfind('/');
        std::string_view folder =
            slash == std::string_view::npos ? std::string_view() : source_part.substr(0, slash);
        for (std::size_t start = 0; start < folder.size();) {
            std::size_t end = std::min(folder.find('/', start), folder.size());
            segments.push_back(folder.substr(start, end - start));
            start = end + 1;
        }
    }
    for (std::size_t start = 0; start <= target.size();) {
        std::size_t end = std::min(target.find('/', start), target.size());
        std::string_view segment = target.substr(start, end - start);
        if (segment == "..") {
            if (segments.empty()) {
                return std::nullopt; // above the archive's root
            }
            segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    if (segments.empty()) {
        return std::nullopt;
    }
    std::string path;
    for (std::string_view segment : segments) {
        path += path.empty() ? "" : "/";
        path += segment;
    }
    return path;
}

std::string rels_part_of(std::string_view part) {
    std::size_t slash = part.rfind('/');
    if (slash == std::string_view::npos) {
        return fmt::format("_rels/{}.rels", part);
    }
    return fmt::format("{}/_rels/{}.rels", part.substr(0, slash), part.substr(slash + 1));
}

} // namespace mbl::xlsx_detail
