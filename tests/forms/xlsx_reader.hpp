#pragma once
/// @file
/// Reads back the parts of an XLSX file the writer's tests check (worksheet, shared
/// strings, styles, workbook, core properties) through `unzip -p`, and dumps them as text.

#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace esep::test::xlsx {

/// An element of a small XML document: enough of XML for what Excel files hold (no DTDs,
/// no CDATA, namespaces kept as written in the names).
struct XmlNode {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::vector<XmlNode> children;
  std::string text;  ///< the decoded character data directly inside the element

  std::string Attr(const std::string& key, const std::string& fallback = "") const {
    const auto it = attrs.find(key);
    return it == attrs.end() ? fallback : it->second;
  }
  const XmlNode* Child(std::string_view child_name) const {
    for (const XmlNode& child : children) {
      if (child.name == child_name) return &child;
    }
    return nullptr;
  }
  std::vector<const XmlNode*> All(std::string_view child_name) const {
    std::vector<const XmlNode*> found;
    for (const XmlNode& child : children) {
      if (child.name == child_name) found.push_back(&child);
    }
    return found;
  }
  /// All character data below this element, in document order (a rich string's runs).
  std::string AllText() const {
    std::string out = text;
    for (const XmlNode& child : children) out += child.AllText();
    return out;
  }
};

inline std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t end = s.find(';', i);
    if (end == std::string_view::npos) throw std::runtime_error("bad entity in XML");
    const std::string_view entity = s.substr(i + 1, end - i - 1);
    if (entity == "amp") {
      out += '&';
    } else if (entity == "lt") {
      out += '<';
    } else if (entity == "gt") {
      out += '>';
    } else if (entity == "quot") {
      out += '"';
    } else if (entity == "apos") {
      out += '\'';
    } else if (!entity.empty() && entity[0] == '#') {
      const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
      const auto cp = static_cast<char32_t>(
          std::stoul(std::string(entity.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10));
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      throw std::runtime_error("unknown XML entity &" + std::string(entity) + ";");
    }
    i = end;
  }
  return out;
}

/// Parses `xml` into its root element; throws std::runtime_error on malformed input.
inline XmlNode ParseXml(std::string_view xml) {
  XmlNode document;
  std::vector<XmlNode*> open{&document};
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const std::size_t next = std::min(xml.find('<', i), xml.size());
      open.back()->text += DecodeEntities(xml.substr(i, next - i));
      i = next;
      continue;
    }
    if (xml.compare(i, 2, "<?") == 0 || xml.compare(i, 2, "<!") == 0) {
      const std::size_t end = xml.find('>', i);
      if (end == std::string_view::npos) throw std::runtime_error("unterminated XML prolog");
      i = end + 1;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string_view::npos) throw std::runtime_error("unterminated XML tag");
    std::string_view tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (!tag.empty() && tag[0] == '/') {
      if (open.size() < 2 || open.back()->name != tag.substr(1)) {
        throw std::runtime_error("mismatched XML end tag " + std::string(tag));
      }
      open.pop_back();
      continue;
    }
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing) tag.remove_suffix(1);
    XmlNode node;
    std::size_t p = tag.find_first_of(" \t\r\n");
    node.name = std::string(tag.substr(0, p));
    while (p != std::string_view::npos && p < tag.size()) {
      p = tag.find_first_not_of(" \t\r\n", p);
      if (p == std::string_view::npos) break;
      const std::size_t eq = tag.find('=', p);
      if (eq == std::string_view::npos || eq + 1 >= tag.size()) {
        throw std::runtime_error("bad XML attribute in <" + node.name + ">");
      }
      const char quote = tag[eq + 1];
      const std::size_t close = tag.find(quote, eq + 2);
      if (close == std::string_view::npos) throw std::runtime_error("unterminated attribute");
      node.attrs[std::string(tag.substr(p, eq - p))] =
          DecodeEntities(tag.substr(eq + 2, close - eq - 2));
      p = close + 1;
    }
    open.back()->children.push_back(std::move(node));
    if (!self_closing) open.push_back(&open.back()->children.back());
  }
  if (open.size() != 1 || document.children.size() != 1) {
    throw std::runtime_error("XML is not one closed root element");
  }
  return std::move(document.children.front());
}

/// One part of a zip file, through the `unzip` program; empty when it is missing.
inline std::string ReadZipPart(const std::filesystem::path& file, const std::string& part) {
  const std::string command = "unzip -p '" + file.string() + "' '" + part + "' 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run unzip");
  std::string out;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

inline XmlNode ReadXmlPart(const std::filesystem::path& file, const std::string& part) {
  const std::string xml = ReadZipPart(file, part);
  if (xml.empty()) throw std::runtime_error("no part " + part + " in " + file.string());
  return ParseXml(xml);
}

/// A cell format from styles.xml, as words: what a person would see in Excel's dialog.
struct CellFormat {
  std::string num_format = "General";
  bool bold = false;
  bool italic = false;
  std::string font_size;
  std::string fill;    ///< fill colour (ARGB) of a solid fill, empty for none
  std::string border;  ///< "thin" on four sides, "bottom", "none", or side=style lists
  std::string halign;  ///< horizontal alignment, empty for general
  std::string valign;
  bool wrap = false;
  int indent = 0;

  std::string Describe() const {
    std::string out =
        "fmt=\"" + num_format + "\" font=" + font_size + (bold ? ",b" : "") + (italic ? ",i" : "");
    if (!fill.empty()) out += " fill=" + fill;
    if (border != "none") out += " border=" + border;
    if (!halign.empty() || !valign.empty()) out += " align=" + halign + "/" + valign;
    if (wrap) out += " wrap";
    if (indent > 0) out += " indent=" + std::to_string(indent);
    return out;
  }
};

inline std::string BuiltinNumFormat(int id) {
  static const std::map<int, std::string> kBuiltin{{0, "General"}, {1, "0"},         {2, "0.00"},
                                                   {3, "#,##0"},   {4, "#,##0.00"},  {9, "0%"},
                                                   {10, "0.00%"},  {14, "mm-dd-yy"}, {49, "@"}};
  const auto it = kBuiltin.find(id);
  return it == kBuiltin.end() ? "builtin#" + std::to_string(id) : it->second;
}

inline std::vector<CellFormat> ParseStyles(const XmlNode& styles) {
  std::map<int, std::string> num_formats;
  if (const XmlNode* formats = styles.Child("numFmts")) {
    for (const XmlNode* f : formats->All("numFmt")) {
      num_formats[std::stoi(f->Attr("numFmtId"))] = f->Attr("formatCode");
    }
  }
  std::vector<const XmlNode*> fonts = styles.Child("fonts")->All("font");
  std::vector<const XmlNode*> fills = styles.Child("fills")->All("fill");
  std::vector<const XmlNode*> borders = styles.Child("borders")->All("border");
  std::vector<CellFormat> out;
  for (const XmlNode* xf : styles.Child("cellXfs")->All("xf")) {
    CellFormat format;
    const int num_id = std::stoi(xf->Attr("numFmtId", "0"));
    format.num_format =
        num_formats.count(num_id) != 0 ? num_formats[num_id] : BuiltinNumFormat(num_id);
    const XmlNode* font = fonts.at(std::stoul(xf->Attr("fontId", "0")));
    format.bold = font->Child("b") != nullptr;
    format.italic = font->Child("i") != nullptr;
    if (const XmlNode* sz = font->Child("sz")) format.font_size = sz->Attr("val");
    const XmlNode* pattern = fills.at(std::stoul(xf->Attr("fillId", "0")))->Child("patternFill");
    if (pattern != nullptr && pattern->Attr("patternType") == "solid") {
      const XmlNode* color = pattern->Child("fgColor");
      format.fill = color != nullptr ? color->Attr("rgb") : "?";
    }
    const XmlNode* border = borders.at(std::stoul(xf->Attr("borderId", "0")));
    std::map<std::string, std::string> sides;
    for (const char* side : {"left", "right", "top", "bottom"}) {
      const XmlNode* node = border->Child(side);
      if (node != nullptr && !node->Attr("style").empty()) sides[side] = node->Attr("style");
    }
    if (sides.empty()) {
      format.border = "none";
    } else if (sides.size() == 4 && sides["left"] == "thin" && sides["right"] == "thin" &&
               sides["top"] == "thin" && sides["bottom"] == "thin") {
      format.border = "thin";
    } else if (sides.size() == 1 && sides.count("bottom") != 0 && sides["bottom"] == "thin") {
      format.border = "bottom";
    } else {
      for (const auto& [side, style] : sides) {
        format.border += (format.border.empty() ? "" : ",") + side + "=" + style;
      }
    }
    if (const XmlNode* alignment = xf->Child("alignment")) {
      format.halign = alignment->Attr("horizontal");
      format.valign = alignment->Attr("vertical");
      format.wrap = alignment->Attr("wrapText") == "1";
      format.indent = std::stoi(alignment->Attr("indent", "0"));
    }
    out.push_back(format);
  }
  return out;
}

struct SheetCell {
  std::string ref;    ///< "B7"
  std::string type;   ///< "n" number, "s" shared string, "str", "inlineStr", "blank"
  std::string value;  ///< the number as written, or the string itself
  CellFormat format;
};

/// What the tests need from a workbook with one worksheet.
struct Workbook {
  std::string sheet_name;
  std::string title;         ///< docProps/core.xml dc:title
  std::string print_titles;  ///< the _xlnm.Print_Titles defined name
  std::vector<SheetCell> cells;
  std::vector<std::string> merges;
  std::map<std::string, std::string> pane;  ///< <pane> attributes
  std::vector<std::string> columns;         ///< "A=15.5" for each <col>
  std::map<int, std::string> row_heights;   ///< custom heights by 1-based row
  std::map<std::string, std::string> page_setup;
  std::map<std::string, std::string> margins;
  std::string fit_to_page;
  std::string footer;
  std::size_t cell_formats = 0;  ///< number of cellXfs

  const SheetCell* Find(const std::string& ref) const {
    for (const SheetCell& cell : cells) {
      if (cell.ref == ref) return &cell;
    }
    return nullptr;
  }
};

inline Workbook ReadWorkbook(const std::filesystem::path& file) {
  Workbook book;
  const XmlNode workbook = ReadXmlPart(file, "xl/workbook.xml");
  book.sheet_name = workbook.Child("sheets")->All("sheet").at(0)->Attr("name");
  if (const XmlNode* names = workbook.Child("definedNames")) {
    for (const XmlNode* name : names->All("definedName")) {
      if (name->Attr("name") == "_xlnm.Print_Titles") book.print_titles = name->text;
    }
  }
  const XmlNode core = ReadXmlPart(file, "docProps/core.xml");
  if (const XmlNode* title = core.Child("dc:title")) book.title = title->text;

  std::vector<std::string> strings;
  const std::string sst_xml = ReadZipPart(file, "xl/sharedStrings.xml");
  if (!sst_xml.empty()) {
    const XmlNode sst = ParseXml(sst_xml);
    for (const XmlNode* si : sst.All("si")) strings.push_back(si->AllText());
  }
  const XmlNode styles = ReadXmlPart(file, "xl/styles.xml");
  const std::vector<CellFormat> formats = ParseStyles(styles);
  book.cell_formats = formats.size();

  const XmlNode sheet = ReadXmlPart(file, "xl/worksheets/sheet1.xml");
  if (const XmlNode* views = sheet.Child("sheetViews")) {
    if (const XmlNode* pane = views->Child("sheetView")->Child("pane")) book.pane = pane->attrs;
  }
  if (const XmlNode* props = sheet.Child("sheetPr")) {
    if (const XmlNode* setup = props->Child("pageSetUpPr")) {
      book.fit_to_page = setup->Attr("fitToPage");
    }
  }
  if (const XmlNode* cols = sheet.Child("cols")) {
    for (const XmlNode* col : cols->All("col")) {
      book.columns.push_back(col->Attr("min") + ":" + col->Attr("max") + "=" + col->Attr("width"));
    }
  }
  for (const XmlNode* row : sheet.Child("sheetData")->All("row")) {
    if (row->Attr("customHeight") == "1") {
      book.row_heights[std::stoi(row->Attr("r"))] = row->Attr("ht");
    }
    for (const XmlNode* c : row->All("c")) {
      SheetCell cell;
      cell.ref = c->Attr("r");
      const std::string t = c->Attr("t");
      const XmlNode* v = c->Child("v");
      cell.format = formats.at(std::stoul(c->Attr("s", "0")));
      if (t == "s") {
        cell.type = "s";
        cell.value = strings.at(std::stoul(v->text));
      } else if (t == "inlineStr") {
        cell.type = "inlineStr";
        cell.value = c->Child("is")->AllText();
      } else if (v == nullptr) {
        cell.type = "blank";
      } else {
        cell.type = t.empty() ? "n" : t;
        cell.value = v->text;
      }
      book.cells.push_back(cell);
    }
  }
  if (const XmlNode* merges = sheet.Child("mergeCells")) {
    for (const XmlNode* merge : merges->All("mergeCell")) book.merges.push_back(merge->Attr("ref"));
  }
  if (const XmlNode* setup = sheet.Child("pageSetup")) book.page_setup = setup->attrs;
  if (const XmlNode* margins = sheet.Child("pageMargins")) book.margins = margins->attrs;
  if (const XmlNode* hf = sheet.Child("headerFooter")) {
    if (const XmlNode* footer = hf->Child("oddFooter")) book.footer = footer->text;
  }
  return book;
}

/// The canonical text of a workbook for golden files: one fact per line, cells in order.
inline std::string Dump(const Workbook& book) {
  std::ostringstream out;
  const auto attrs = [](const std::map<std::string, std::string>& map) {
    std::string s;
    for (const auto& [key, value] : map) s += " " + key + "=" + value;
    return s;
  };
  out << "sheet \"" << book.sheet_name << "\"\n";
  out << "title \"" << book.title << "\"\n";
  out << "print_titles " << book.print_titles << "\n";
  out << "fit_to_page " << book.fit_to_page << "\n";
  out << "page_setup" << attrs(book.page_setup) << "\n";
  out << "margins" << attrs(book.margins) << "\n";
  out << "footer \"" << book.footer << "\"\n";
  out << "pane" << attrs(book.pane) << "\n";
  for (const std::string& col : book.columns) out << "col " << col << "\n";
  for (const auto& [row, height] : book.row_heights)
    out << "row " << row << " ht=" << height << "\n";
  for (const std::string& merge : book.merges) out << "merge " << merge << "\n";
  for (const SheetCell& cell : book.cells) {
    out << cell.ref << " " << cell.type;
    if (cell.type != "blank") out << " \"" << cell.value << "\"";
    out << " " << cell.format.Describe() << "\n";
  }
  out << "cell_formats " << book.cell_formats << "\n";
  return out.str();
}

}  // namespace esep::test::xlsx
