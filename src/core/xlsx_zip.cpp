// The .xlsx container through libzip (Debian's libzip-dev, 1.7.x).
//
// Why libzip: a maintained C library (in Debian since 2005, used by LibreOffice's tooling and
// PHP) that reads archives from memory (zip_source_buffer_create), inflates entries through zlib
// a piece at a time (zip_fread: the inflated part is never held whole) and checks each entry's
// CRC and the archive's consistency (ZIP_CHECKCONS). What it does not do, done here: limits on an
// entry's inflated size and compression ratio, checked on the sizes the archive declares before
// inflating and on the bytes actually inflated while reading (a zip bomb may lie about both).
#include "mbl/error.hpp"
#include "xlsx_detail.hpp"

#include <array>
#include <fmt/format.h>
#include <memory>
#include <zip.h>

namespace mbl::xlsx_detail {
namespace {

constexpr std::uint64_t ratio_grace_bytes = 1ull << 20; // small parts may compress very well

std::string mebibytes(std::uint64_t bytes) {
    return fmt::format("{} MiB", (bytes + (1ull << 20) - 1) >> 20);
}

} // namespace

void refuse_part(std::string_view label, std::string_view part, std::string_view reason) {
    throw input_error(fmt::format("{}: {}: {}", label, part, reason));
}

ZipArchive::ZipArchive(std::string_view bytes, std::string_view label, const XlsxLimits& limits)
    : label_(label), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) {
        archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (archive_ == nullptr) {
            zip_source_free(source);
        }
    }
    if (archive_ == nullptr) {
        std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw input_error(fmt::format("{}: not a readable .xlsx workbook (a damaged zip archive: "
                                      "{}); open it in Excel and save it again as .xlsx",
                                      label_, reason));
    }
    zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
    zip_discard(archive_); // read only: nothing to write back
}

bool ZipArchive::has(std::string_view part) const {
    return zip_name_locate(archive_, std::string(part).c_str(), ZIP_FL_NOCASE) >= 0;
}

ZipPartReader::ZipPartReader(const ZipArchive& archive, std::string_view part)
    : label_(archive.label_), part_(part), limits_(archive.limits_),
      buffer_(std::make_unique<char[]>(buffer_size)) {
    zip* handle = archive.archive_;
    zip_int64_t index = zip_name_locate(handle, part_.c_str(), ZIP_FL_NOCASE);
    if (index < 0) {
        refuse_part(label_, part,
                    "missing from the workbook; open it in Excel and save it again as .xlsx");
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(handle, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
        refuse_part(label_, part, zip_strerror(handle));
    }
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
        refuse_part(label_, part,
                    "encrypted; remove the password in Excel (File > Info > Protect Workbook) "
                    "and save it again");
    }
    compressed_ = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
    if (stat.valid & ZIP_STAT_SIZE) {
        declared_ = stat.size;
        if (too_big(stat.size)) {
            refuse_size("declares", stat.size);
        }
    }
    file_ = zip_fopen_index(handle, static_cast<zip_uint64_t>(index), 0);
    if (file_ == nullptr) {
        refuse_part(label_, part, fmt::format("cannot be read: {}", zip_strerror(handle)));
    }
}

ZipPartReader::~ZipPartReader() {
    if (file_ != nullptr) {
        zip_fclose(file_);
    }
}

bool ZipPartReader::too_big(std::uint64_t size) const {
    return size > limits_.max_part_bytes ||
           (size > ratio_grace_bytes && size / limits_.max_compression_ratio > compressed_);
}

void ZipPartReader::refuse_size(std::string_view which, std::uint64_t size) const {
    refuse_part(label_, part_,
                fmt::format("{} {} bytes inflated from {} (a zip bomb?); the limits are {} "
                            "and {}:1 compression",
                            which, size, compressed_, mebibytes(limits_.max_part_bytes),
                            limits_.max_compression_ratio));
}

std::string_view ZipPartReader::read() {
    zip_int64_t got = zip_fread(file_, buffer_.get(), buffer_size);
    if (got < 0) {
        refuse_part(label_, part_,
                    fmt::format("damaged ({}); open the workbook in Excel and save it again",
                                zip_file_strerror(file_)));
    }
    total_ += static_cast<std::uint64_t>(got);
    if (too_big(total_)) {
        refuse_size("inflates to more than", total_);
    }
    if (declared_ && total_ > *declared_) {
        refuse_part(label_, part_,
                    fmt::format("inflates to more than the {} bytes it declares (a zip "
                                "bomb?); open the workbook in Excel and save it again",
                                *declared_));
    }
    return std::string_view(buffer_.get(), static_cast<std::size_t>(got));
}

void ZipArchive::read(std::string_view part,
                      const std::function<void(std::string_view)>& sink) const {
    ZipPartReader reader(*this, part);
    for (std::string_view piece = reader.read(); !piece.empty(); piece = reader.read()) {
        sink(piece);
    }
}

} // namespace mbl::xlsx_detail
