#pragma once
// A text held whole in memory as a ReleasableText, for tests of what reads one: nothing is given
// back, nothing needs reading back.

#include "mbl/load.hpp"

#include <string>
#include <string_view>

namespace mbl::test {

class HeldText final : public ReleasableText {
  public:
    explicit HeldText(std::string text) : text_(std::move(text)) {}
    std::string_view view() const override { return text_; }
    void release_before(const char*) override {}
    void restore(std::size_t, std::size_t) override {}

  private:
    std::string text_;
};

} // namespace mbl::test
