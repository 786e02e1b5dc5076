#include "esep/ledger/document_json.hpp"

namespace esep::ledger {

boost::json::object AnalyticsToJson(const Analytics& analytics) {
  boost::json::object object;
  for (const DimensionInfo& info : AllDimensions()) {
    if (!analytics.Has(info.dimension)) continue;
    if (info.dimension == Dimension::kCounterparty) {
      object[info.code] = analytics.counterparty;
    } else {
      object[info.code] = analytics.Code(info.dimension);
    }
  }
  return object;
}

boost::json::object DocumentToJson(const Document& document) {
  boost::json::object object;
  object["id"] = document.id;
  object["org_id"] = document.org.value();
  object["kind"] = DocumentKindCode(document.kind);
  object["number"] = document.number;
  object["date"] = document.date.ToIso();
  object["content"] = document.content;
  object["state"] = DocumentStateCode(document.state);
  object["total"] = document.total;
  object["reverses"] = document.reverses ? boost::json::value(*document.reverses) : nullptr;
  object["reversed_by"] =
      document.reversed_by ? boost::json::value(*document.reversed_by) : nullptr;
  object["version"] = document.version;
  object["created_by"] =
      document.created_by ? boost::json::value(document.created_by->value()) : nullptr;
  object["created_at"] = document.created_at;
  object["posted_by"] =
      document.posted_by ? boost::json::value(document.posted_by->value()) : nullptr;
  object["posted_at"] = document.posted_at.empty() ? boost::json::value(nullptr)
                                                   : boost::json::value(document.posted_at);
  boost::json::array lines;
  for (const Entry& entry : document.lines) {
    boost::json::object line;
    line["line_no"] = entry.line_no;
    line["debit_account"] = entry.debit_account;
    line["debit"] = AnalyticsToJson(entry.debit);
    line["credit_account"] = entry.credit_account;
    line["credit"] = AnalyticsToJson(entry.credit);
    line["amount"] = entry.amount;
    line["quantity"] = entry.quantity ? boost::json::value(*entry.quantity) : nullptr;
    line["content"] = entry.content;
    line["memorial_order"] =
        entry.memorial_order ? boost::json::value(*entry.memorial_order) : nullptr;
    lines.push_back(std::move(line));
  }
  object["lines"] = std::move(lines);
  return object;
}

}  // namespace esep::ledger
