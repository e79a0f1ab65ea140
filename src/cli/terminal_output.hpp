#pragma once
// Standard output made safe when it is a terminal, whatever the format.
//
// Human formats (table, text) are escaped by their renderers (terminal_safe) and may carry mbl's
// own colour codes, so they pass through unchanged. The data formats print strings from the file
// exactly, which on a terminal would let a name set the clipboard (OSC 52), plant a hyperlink
// (OSC 8) or move the cursor (C1 CSI). So once a command has chosen its format (output_format),
// what it prints is escaped on its way to the terminal: JSON with JSON's own escapes
// (terminal_safe_json: `\u001b`, `\u009b`, the same JSON), CSV, Markdown, HTML and GitHub
// annotations as terminal_safe shows text (`\x1b`, `\u009b`). Into a pipe or a file none of this
// is installed: the bytes stay exact.

#include "cli/options.hpp"

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace mbl::cli {

// A stream buffer in front of `terminal` that escapes what is written according to the format
// chosen last (escape_as); until then, and for table and text, it passes bytes through. A UTF-8
// sequence split across writes is escaped whole: up to 3 bytes wait for the rest. Write errors of
// `terminal` are reported as this buffer's own (the stream sets badbit).
class TerminalSafeBuffer final : public std::streambuf {
  public:
    explicit TerminalSafeBuffer(std::streambuf& terminal) : terminal_(terminal) {}
    TerminalSafeBuffer(const TerminalSafeBuffer&) = delete;
    TerminalSafeBuffer& operator=(const TerminalSafeBuffer&) = delete;
    ~TerminalSafeBuffer() override;

    // Escape what follows for `format` (what was written before is sent as it was meant).
    void escape_as(OutputFormat format);

  protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

  private:
    enum class Escaping { none, json, text };
    // Sends what is pending, escaped; all of it `at_end`, else up to the last whole character.
    bool send_pending(bool at_end);

    std::streambuf& terminal_;
    Escaping escaping_ = Escaping::none;
    std::string pending_;
};

// Installs a TerminalSafeBuffer on `out` (standard output's stream) for its lifetime when standard
// output is a terminal (`is_terminal`, TerminalFacts); does nothing otherwise. run(argc, argv)
// holds one.
class TerminalSafeStdout {
  public:
    TerminalSafeStdout(std::ostream& out, bool is_terminal);
    ~TerminalSafeStdout();
    TerminalSafeStdout(const TerminalSafeStdout&) = delete;
    TerminalSafeStdout& operator=(const TerminalSafeStdout&) = delete;

  private:
    std::ostream& out_;
    std::streambuf* original_ = nullptr;
    std::unique_ptr<TerminalSafeBuffer> buffer_;
};

} // namespace mbl::cli
