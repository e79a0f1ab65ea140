#pragma once
// Text from the file inside HTML and SVG that also parse as XML (polyglot markup).

#include <string>
#include <string_view>

namespace mbl::cli {

// `text` safe as HTML/XML character data and as a quoted attribute value: first terminal_safe
// (controls, bidirectional overrides and invalid UTF-8 shown escaped, so nothing XML forbids is
// left; line breaks too, as `\x0a`), the non-characters U+FFFE and U+FFFF shown as `\ufffe`,
// `\uffff`, then `&` `<` `>` `"` `'` as character references. The result can neither open or
// close an element, an attribute, a comment or a CDATA section, nor start an entity.
std::string xml_escape(std::string_view text);

} // namespace mbl::cli
