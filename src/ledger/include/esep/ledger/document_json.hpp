#pragma once
/// @file
/// A document as JSON, the one shape the API returns and the audit trail keeps: amounts in
/// tiyn as integers, dates ISO, analytics as objects holding only what was given.

#include <boost/json/object.hpp>

#include "esep/ledger/documents.hpp"

namespace esep::ledger {

boost::json::object AnalyticsToJson(const Analytics& analytics);
boost::json::object DocumentToJson(const Document& document);

}  // namespace esep::ledger
