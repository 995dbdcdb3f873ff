// regkey (opt-in): Windows registry keys under a root written short or long
// in any case (HKLM HKCU HKCR HKU HKCC, HKEY_LOCAL_MACHINE HKEY_CURRENT_USER
// HKEY_CLASSES_ROOT HKEY_USERS HKEY_CURRENT_CONFIG), also as a PowerShell
// drive ("HKCU:\"), with single backslashes or with doubled ones throughout
// (JSON strings, .reg files' values), and at least one name after the root.
//
// Where a key ends: a name may hold single spaces only when a backslash
// follows it ("...\Windows NT\CurrentVersion") or when a quote or "]"
// closes the key ("[HKLM\...\Windows Defender]"); else the last name ends
// at a space, so "reg add HKCU\...\Run /v Evil" gives "HKCU\...\Run". A
// word after a space never starts with "/" or "-" (reg.exe and PowerShell
// options) nor with "HK" in any case (every root does: "HKLM\a or HKCU\b"
// is two keys). Names hold no quotes, brackets, parentheses, ":" "," ";"
// "=" "*" "?" "<" ">" "|", so "[HKEY_...\Run]" (.reg), "\"HKLM\\\\...\""
// (JSON) and prose end where they should; a name may hold "/" after its
// first byte ("application/x-foo").
//
// A root glued to a word before it ("xHKLM\...") or right after "\" or "/"
// (a path: "C:\HKLM\x") reports nothing: word runs are consumed whole.
// The DFA looks ahead at most five spaced words past a key, and every byte
// it reads back is one no key starts at (a root after a space ends the
// lookahead).
#include "core/candidate_sink.hpp"
#include "families/regkey/registry_roots.hpp"
#include "families/rule_ids.hpp"
#include "simd/run_start_skip.hpp"

namespace iocscan::detail {
namespace {

/// Reports [begin, end) without sentence punctuation and separators at its
/// end, if a name is left after the root ("HKCR\." is none).
void add_key(CandidateSink& sink, const unsigned char* begin, const unsigned char* end) {
    while (end > begin && (end[-1] == '.' || end[-1] == '!' || end[-1] == '\\')) --end;
    const std::string_view key(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    std::size_t name = 0;
    if (registry_root_at(key, name) == nullptr) return;
    while (name < key.size() && (key[name] == ':' || key[name] == '\\')) ++name;
    if (name < key.size()) sink.add(Type::regkey, kRuleRegkey, begin, end);
}

}  // namespace

/*!include:re2c "common.re" */

LexStatus lex_regkey(LexState& st, CandidateSink& sink) {
/*!include:re2c "run_start_resume.re" */
        // Runs and gaps that start no candidate are passed over.
        st.cur = skip::to_run_start<skip::RegkeyStarts>(st.cur, st.lim, st.flags);
/*!include:re2c "run_start_next_token.re" */
        /*!re2c
            root  = 'hklm' | 'hkcu' | 'hkcr' | 'hku' | 'hkcc' | 'hkey_local_machine' | 'hkey_current_user'
                  | 'hkey_classes_root' | 'hkey_users' | 'hkey_current_config';
            first = [A-Za-z0-9_.{}$&+~#@!%^] | [\x80-\xff];
            more  = first | [-/];
            part  = (first | "-") more*;
            // A word after a space: no option ("/v", "-Name"), no root ("HK..."),
            // at most 16 bytes and 5 of them, so that the DFA never looks
            // more than 85 bytes past a key's end (the driver drops a token
            // whose lookahead outgrows the rule's 1 KiB).
            spaced_part = (first \ [hH]) more{0,15} | [hH] ((more \ [kK]) more{0,14})?;
            name  = part (" " spaced_part){0,5};
            one   = "\\";
            two   = "\\\\";
            key   = root ":"? one (name one)* part | root ":"? two (name two)* part;
            // In quotes or a .reg file's brackets the last name may hold spaces.
            closed_key = (root ":"? one (name one)* name | root ":"? two (name two)* name) ["\]];

            key         { if (st.token_fits()) add_key(sink, st.tok, st.cur); continue; }
            closed_key  { if (st.token_fits()) add_key(sink, st.tok, st.cur - 1); continue; }
            word+       { continue; }
            // A word right after "\" or "/" is a path's name ("C:\HKLM\x",
            // "/tmp/hkcu\x"), no root: the run before it takes it along.
            ([^]\word)* [\\/] word+ { continue; }
            ([^]\word)+ { continue; }
            $           { return LexStatus::end; }
            *           { continue; }
        */
    }
}

}  // namespace iocscan::detail
