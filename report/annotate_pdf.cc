// The annotated PDF: a copy of the input with a /Highlight annotation on each finding's box (a
// /Text note at the top-left of its page when it has none), written with qpdf. The input file is
// only read.
#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <tuple>

#include "report/printable.h"
#include "report/finding_text.h"
#include "report/render.h"
#include "report/writers.h"

namespace jixiao {

namespace {

using Rect = QPDFObjectHandle::Rectangle;

// Maps points as the page is displayed (origin top-left of the crop box, y down, the page's
// /Rotate applied: the space of Finding::bbox) to PDF user space.
class PageFrame {
 public:
  explicit PageFrame(QPDFPageObjectHelper& page) {
    Rect box = page.getCropBox(false, false).getArrayAsRectangle();
    x0_ = std::min(box.llx, box.urx);
    x1_ = std::max(box.llx, box.urx);
    y0_ = std::min(box.lly, box.ury);
    y1_ = std::max(box.lly, box.ury);
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger()) rotate_ = ((rotate.getIntValueAsInt() % 360) + 360) % 360;
  }

  // User-space rectangle of a displayed box.
  Rect ToUser(const Box& b) const {
    double ax, ay, bx, by;
    ToUser(b.x0, b.y0, &ax, &ay);
    ToUser(b.x1, b.y1, &bx, &by);
    return Rect(std::min(ax, bx), std::min(ay, by), std::max(ax, bx), std::max(ay, by));
  }

 private:
  void ToUser(double dx, double dy, double* ux, double* uy) const {
    switch (rotate_) {
      case 90:
        *ux = x0_ + dy;
        *uy = y0_ + dx;
        break;  // displayed top-left = user bottom-left
      case 180:
        *ux = x1_ - dx;
        *uy = y0_ + dy;
        break;
      case 270:
        *ux = x1_ - dy;
        *uy = y1_ - dx;
        break;  // displayed top-left = user top-right
      default:
        *ux = x0_ + dx;
        *uy = y1_ - dy;
        break;  // y' = top − y
    }
  }
  double x0_, x1_, y0_, y1_;
  int rotate_ = 0;
};

QPDFObjectHandle Real(double v) { return QPDFObjectHandle::newReal(v, 2, true); }

QPDFObjectHandle Numbers(const std::vector<double>& values) {
  std::vector<QPDFObjectHandle> items;
  for (double v : values) items.push_back(Real(v));
  return QPDFObjectHandle::newArray(items);
}

// Highlight colours (RGB, 0–1) by severity.
std::vector<double> Colour(Severity s) {
  switch (s) {
    case Severity::kError:
      return {1, 0.55, 0.55};
    case Severity::kWarning:
      return {1, 0.85, 0.25};
    case Severity::kInfo:
      return {0.6, 0.85, 1};
  }
  return {1, 1, 0};
}

// An appearance stream for a highlight: the rectangle filled in the colour, multiplied with the
// page so the text stays readable. Viewers that regenerate appearances ignore it.
QPDFObjectHandle HighlightAppearance(QPDF& pdf, const Rect& r, Severity sev) {
  std::string rgb;
  for (double c : Colour(sev)) rgb += Real(c).unparse() + " ";
  std::string content = "q /GS0 gs " + rgb + "rg " + Real(r.llx).unparse() + " " +
                        Real(r.lly).unparse() + " " + Real(r.urx - r.llx).unparse() + " " +
                        Real(r.ury - r.lly).unparse() + " re f Q\n";
  QPDFObjectHandle stream = QPDFObjectHandle::newStream(&pdf, content);
  QPDFObjectHandle dict = stream.getDict();
  dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  dict.replaceKey("/BBox", Numbers({r.llx, r.lly, r.urx, r.ury}));
  dict.replaceKey("/Resources",
                  QPDFObjectHandle::parse("<< /ExtGState << /GS0 << /Type /ExtGState /BM /Multiply "
                                          "/ca 1 /CA 1 >> >> >>"));
  return stream;
}

QPDFObjectHandle MakeAnnotation(QPDF& pdf, QPDFPageObjectHelper& page, const Finding& f,
                                const std::string& fingerprint, size_t number, int repeat,
                                Lang lang) {
  PageFrame frame(page);
  QPDFObjectHandle a = QPDFObjectHandle::newDictionary();
  a.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
  a.replaceKey("/T", QPDFObjectHandle::newUnicodeString("jixiao"));
  a.replaceKey("/NM", QPDFObjectHandle::newUnicodeString("jixiao-" + std::to_string(number) + "-" +
                                                         fingerprint));
  a.replaceKey("/Subj", QPDFObjectHandle::newUnicodeString(CheckName(f.check)));
  a.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(
                                Printable(Summary(f, lang) + "\n#" + fingerprint, true)));
  a.replaceKey("/F", QPDFObjectHandle::newInteger(4));  // print
  a.replaceKey("/C", Numbers(Colour(f.severity)));
  a.replaceKey("/P", page.getObjectHandle());
  if (f.bbox) {
    // A further finding on the same spot: a box 2 pt larger each time, so none hides another.
    const double g = 2.0 * repeat;
    Rect r = frame.ToUser(Box{f.bbox->x0 - g, f.bbox->y0 - g, f.bbox->x1 + g, f.bbox->y1 + g});
    a.replaceKey("/Subtype", QPDFObjectHandle::newName("/Highlight"));
    a.replaceKey("/Rect", Numbers({r.llx, r.lly, r.urx, r.ury}));
    // Upper left, upper right, lower left, lower right: the order viewers expect.
    a.replaceKey("/QuadPoints", Numbers({r.llx, r.ury, r.urx, r.ury, r.llx, r.lly, r.urx, r.lly}));
    a.replaceKey("/CA", Real(0.5));
    QPDFObjectHandle ap = QPDFObjectHandle::newDictionary();
    ap.replaceKey("/N", HighlightAppearance(pdf, r, f.severity));
    a.replaceKey("/AP", ap);
  } else {
    // A note icon at the top-left corner of the page as displayed.
    const double dx = 22.0 * repeat;
    Rect r = frame.ToUser(Box{8 + dx, 8, 28 + dx, 28});
    a.replaceKey("/Subtype", QPDFObjectHandle::newName("/Text"));
    a.replaceKey("/Rect", Numbers({r.llx, r.lly, r.urx, r.ury}));
    a.replaceKey("/Name", QPDFObjectHandle::newName("/Comment"));
    a.replaceKey("/Open", QPDFObjectHandle::newBool(false));
  }
  return pdf.makeIndirectObject(a);
}

void AddAnnotation(QPDFPageObjectHelper& page, QPDFObjectHandle annot) {
  QPDFObjectHandle page_obj = page.getObjectHandle();
  QPDFObjectHandle annots = page_obj.getKey("/Annots");
  if (!annots.isArray()) {
    annots = QPDFObjectHandle::newArray();
    page_obj.replaceKey("/Annots", annots);
  }
  annots.appendItem(annot);
}

// The document information says it was annotated by jixiao, when, and from which original.
void MarkProvenance(QPDF& pdf, const DocumentReport& d, const Provenance& p) {
  QPDFObjectHandle trailer = pdf.getTrailer();
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  std::string file = d.result.path;
  if (auto slash = file.find_last_of('/'); slash != std::string::npos)
    file = file.substr(slash + 1);
  const std::string note = "annotated by " + p.jixiao + " at " + p.run_at + " from " + file +
                           (d.sha256.empty() ? "" : " (SHA-256 " + d.sha256 + ")") + "; rules " +
                           p.rules;
  info.replaceKey("/JixiaoAnnotation", QPDFObjectHandle::newUnicodeString(note));
  info.replaceKey("/JixiaoOriginalSHA256", QPDFObjectHandle::newUnicodeString(d.sha256));
  info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(p.jixiao));
}

}  // namespace

Status WriteAnnotatedPdf(const DocumentReport& d, const Provenance& p, const std::string& file,
                         const std::string& display_path, Lang lang) {
  const AuditResult& r = d.result;
  if (!IsPdfFile(r.path)) {
    return Status(Status::Code::kUsage,
                  r.path + ": --format pdf annotates PDF input only (this is not a PDF)");
  }
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(r.path.c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    if (pages.empty()) return Status(Status::Code::kEmpty, r.path + ": the PDF has no pages");
    std::vector<size_t> order = FindingsBySeverity(r);
    const std::vector<std::string> fingerprints = Fingerprints(r, d.sha256);
    std::map<std::tuple<int, long, long, long, long>, int> seen;  // boxes drawn, per page
    for (size_t n = 0; n < order.size(); ++n) {
      Finding f = r.findings[order[n]];
      int index = f.page - 1;
      if (index < 0 || index >= static_cast<int>(pages.size())) {
        index = 0;  // a finding about the whole document: a note on the first page
        f.bbox.reset();
      }
      QPDFPageObjectHelper& page = pages[static_cast<size_t>(index)];
      Box b = f.bbox.value_or(Box{0, 0, 0, 0});
      const int repeat = seen[{index, std::lround(b.x0), std::lround(b.y0), std::lround(b.x1),
                               std::lround(b.y1)}]++;
      const std::string& fp = order[n] < d.extra.size() && !d.extra[order[n]].fingerprint.empty()
                                  ? d.extra[order[n]].fingerprint
                                  : fingerprints[order[n]];
      AddAnnotation(page, MakeAnnotation(pdf, page, f, fp, n + 1, repeat, lang));
    }
    MarkProvenance(pdf, d, p);
    QPDFWriter writer(pdf, file.c_str());
    writer.setDeterministicID(true);
    writer.write();
  } catch (const std::exception& e) {
    return Status(Status::Code::kIoError,
                  display_path + ": cannot write the annotated PDF: " + e.what());
  }
  return Status::Ok();
}

}  // namespace jixiao
