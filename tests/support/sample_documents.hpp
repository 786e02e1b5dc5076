#pragma once
/// @file
/// A fixed sample Document in Kazakh or Russian with every feature a form can have
/// (title block, two-row header with merged cells, groupings with subtotals, a grand
/// total, amount in words, signatures), for the writers' golden tests and benchmarks.

#include <cstddef>

#include "esep/core/text.hpp"
#include "esep/forms/document.hpp"

namespace esep::test {

/// `data_rows` payments of schools grouped by district: the same input gives the same
/// document, byte for byte, so writers' outputs can be compared with golden files.
forms::Document SampleDocument(core::Lang lang, std::size_t data_rows = 12);

}  // namespace esep::test
