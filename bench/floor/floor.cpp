// The benchmark's floor: a command's work done on a backlog read with simdjson, the fastest JSON
// reader Debian packages, and nothing else (no model, no checks beyond the JSON's and the ones
// named). bench/run.py times it on the same files in the same run as mbl and prints mbl's time
// over it. Each mode does what the mbl command it stands for must do at the least:
//
//   floor query FILE           the replicated assets, as JSON, to stdout (asset list --status)
//   floor edit FILE ID         the asset's status set to replicated, the file rewritten (a
//                              temporary file, fsync, rename), every asset read (asset set)
//   floor validate FILE        every value read (DOM), ids unique, references known (validate)
//   floor status FILE          assets and estimates counted by status, iterations read (status)
//   floor forecast FILE        status's counts, the closed iterations' velocity, 10,000 trials
//                              drawing a past velocity per iteration until the rest is done
//   floor scan FILE            every value read (DOM), nothing else: the floor of the others
//
// Exits 0 on success, 1 with a message on stderr otherwise.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace simdjson;

namespace {

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "floor: %s\n", message.c_str());
    std::exit(1);
}

padded_string load(const char* path) {
    padded_string text;
    if (padded_string::load(path).get(text)) {
        fail(std::string("cannot read ") + path);
    }
    return text;
}

void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        ssize_t written = ::write(fd, text.data(), text.size());
        if (written <= 0) {
            fail("write failed");
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

int query(const char* path) {
    padded_string text = load(path);
    ondemand::parser parser;
    ondemand::document doc = parser.iterate(text);
    std::string out = "[\n";
    bool first = true;
    for (ondemand::value asset : doc["assets"].get_array()) {
        ondemand::object object = asset.get_object();
        std::string_view raw = object.raw_json(); // the whole asset, as written
        object.reset();
        std::string_view status = object["status"].get_string();
        if (status == "replicated") {
            out += first ? "" : ",\n";
            out += raw;
            first = false;
            if (out.size() > (1 << 20)) {
                write_all(1, out);
                out.clear();
            }
        }
    }
    out += "\n]\n";
    write_all(1, out);
    return 0;
}

int edit(const char* path, std::string_view id) {
    padded_string text = load(path);
    ondemand::parser parser;
    ondemand::document doc = parser.iterate(text);
    std::size_t at = 0, length = 0;
    for (ondemand::object asset : doc["assets"].get_array()) {
        bool found = false;
        for (auto field : asset) {
            std::string_view key = field.unescaped_key();
            ondemand::value value = field.value();
            if (key == "id") {
                found = std::string_view(value.get_string()) == id;
            } else if (key == "status" && found) {
                std::string_view raw = value.raw_json_token();
                at = static_cast<std::size_t>(raw.data() - text.data());
                length = raw.find('"', 1) + 1;
            } // other values are read through as the loop moves on
        }
    }
    if (!length) {
        fail("no asset " + std::string(id));
    }
    std::string temporary = std::string(path) + ".floor-tmp";
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        fail("cannot create " + temporary);
    }
    std::string_view all(text.data(), text.size());
    write_all(fd, all.substr(0, at));
    write_all(fd, "\"replicated\"");
    write_all(fd, all.substr(at + length));
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(temporary.c_str(), path) != 0) {
        fail("cannot replace " + std::string(path));
    }
    return 0;
}

std::size_t count_values(dom::element element) {
    std::size_t count = 1;
    if (element.is_array()) {
        for (dom::element child : dom::array(element)) {
            count += count_values(child);
        }
    } else if (element.is_object()) {
        for (dom::key_value_pair field : dom::object(element)) {
            count += count_values(field.value);
        }
    }
    return count;
}

int scan(const char* path) {
    padded_string text = load(path);
    dom::parser parser;
    dom::element doc;
    if (parser.parse(text).get(doc)) {
        fail("not JSON");
    }
    std::printf("%zu values\n", count_values(doc));
    return 0;
}

int validate(const char* path) {
    padded_string text = load(path);
    dom::parser parser;
    dom::element doc;
    if (parser.parse(text).get(doc)) {
        fail("not JSON");
    }
    std::size_t values = count_values(doc);
    std::unordered_set<std::string_view> workloads, assets;
    for (dom::element workload : doc["workloads"].get_array()) {
        if (!workloads.insert(std::string_view(workload["id"])).second) {
            fail("duplicate workload id");
        }
    }
    for (dom::element asset : doc["assets"].get_array()) {
        if (!assets.insert(std::string_view(asset["id"])).second) {
            fail("duplicate asset id");
        }
    }
    std::size_t problems = 0;
    for (dom::element asset : doc["assets"].get_array()) {
        std::string_view workload;
        if (!asset["workload"].get(workload) && !workloads.count(workload)) {
            ++problems;
        }
        for (dom::element dependency : asset["depends_on"].get_array()) {
            problems += assets.count(std::string_view(dependency)) ? 0 : 1;
        }
    }
    for (dom::element iteration : doc["iterations"].get_array()) {
        for (dom::element id : iteration["committed"].get_array()) {
            problems += assets.count(std::string_view(id)) ? 0 : 1;
        }
    }
    std::printf("%zu values, %zu problems\n", values, problems);
    return 0;
}

struct Counts {
    std::unordered_map<std::string, std::pair<std::size_t, double>> by_status;
    double remaining = 0;
    std::vector<double> velocities; // completed_estimate of the closed iterations
};

Counts count(const char* path) {
    padded_string text = load(path);
    ondemand::parser parser;
    ondemand::document doc = parser.iterate(text);
    Counts counts;
    for (auto field : doc.get_object()) {
        std::string_view key = field.unescaped_key();
        if (key == "assets") {
            for (ondemand::object asset : field.value().get_array()) {
                std::string_view status;
                double estimate = 0;
                for (auto member : asset) {
                    std::string_view name = member.unescaped_key();
                    if (name == "status") {
                        status = member.value().get_string();
                    } else if (name == "estimate") {
                        ondemand::value value = member.value();
                        estimate = value.is_null() ? 0 : double(value.get_double());
                    }
                }
                auto& [assets, estimates] = counts.by_status[std::string(status)];
                ++assets;
                estimates += estimate;
                counts.remaining += status == "replicated" ? 0 : estimate;
            }
        } else if (key == "iterations") {
            for (ondemand::object iteration : field.value().get_array()) {
                std::string_view state;
                double completed = 0;
                for (auto member : iteration) {
                    std::string_view name = member.unescaped_key();
                    if (name == "state") {
                        state = member.value().get_string();
                    } else if (name == "completed_estimate") {
                        completed = member.value().get_double();
                    }
                }
                if (state == "closed") {
                    counts.velocities.push_back(completed);
                }
            }
        }
    }
    return counts;
}

int status(const char* path) {
    Counts counts = count(path);
    for (const auto& [name, figures] : counts.by_status) {
        std::printf("%s %zu %g\n", name.c_str(), figures.first, figures.second);
    }
    return 0;
}

int forecast(const char* path) {
    Counts counts = count(path);
    if (counts.velocities.empty()) {
        fail("no closed iteration");
    }
    std::mt19937_64 random(1);
    std::uniform_int_distribution<std::size_t> pick(0, counts.velocities.size() - 1);
    std::vector<int> iterations;
    for (int trial = 0; trial < 10000; ++trial) {
        double left = counts.remaining;
        int used = 0;
        while (left > 0 && used < 10000) {
            left -= counts.velocities[pick(random)];
            ++used;
        }
        iterations.push_back(used);
    }
    std::nth_element(iterations.begin(), iterations.begin() + 8500, iterations.end());
    std::printf("85%%: %d iterations\n", iterations[8500]);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        fail("usage: floor query|edit|validate|status|forecast|scan FILE [ID]");
    }
    std::string_view mode = argv[1];
    try {
        if (mode == "query") {
            return query(argv[2]);
        }
        if (mode == "edit" && argc == 4) {
            return edit(argv[2], argv[3]);
        }
        if (mode == "validate") {
            return validate(argv[2]);
        }
        if (mode == "status") {
            return status(argv[2]);
        }
        if (mode == "forecast") {
            return forecast(argv[2]);
        }
        if (mode == "scan") {
            return scan(argv[2]);
        }
    } catch (const simdjson_error& error) {
        fail(error.what());
    }
    fail("unknown mode " + std::string(mode));
}
