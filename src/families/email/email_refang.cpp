#include "families/email/email_refang.hpp"

#include "families/email/email_run.hpp"

namespace iocscan::detail {

void refang_email(std::string_view raw, std::string& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
    const auto* end = p + raw.size();
    while (p < end) {
        const EmailPart part = next_email_part(p, end);
        switch (part.kind) {
            case EmailPart::word:
            case EmailPart::other:
                for (const unsigned char* c = part.begin; c < part.end; ++c) {
                    out.push_back(static_cast<char>(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c));
                }
                break;
            case EmailPart::dot: out.push_back('.'); break;
            case EmailPart::at: out.push_back('@'); break;
            case EmailPart::filler: break;
        }
        p = part.end;
    }
}

}  // namespace iocscan::detail
