#pragma once

#include "costgate/model/error.hpp"
#include "costgate/pricing/catalog.hpp"

#include <map>
#include <set>
#include <string>

namespace costgate::pricing {

/// Checks the prices of one overlay file against what the embedded catalog knows, so a
/// price costgate would misread is an error at the overlay's file and line rather than a
/// wrong cost (or an error against a plan resource) later:
/// - the provider must be one the embedded catalog prices;
/// - the unit must be the embedded catalog's for that product (any region), or for a new
///   product one its service uses; a price per month where costgate prices per hour (or
///   the reverse, `GB-month` / `GB-hour` ...) is converted at 730 hours a month, and the
///   conversion is named in the entry's adjustment;
/// - the price must be below a million a unit (no cloud unit price comes near that);
/// - a key may appear once in the file.
class OverlayCheck {
  public:
    /// Throws InputError at `where`; may change `entry`'s unit, price and adjustment.
    void check(PriceEntry& entry, const SourceLocation& where);

  private:
    struct ServiceUnits {
        bool known = false;
        std::set<std::string> all;
        std::map<std::string, std::set<std::string>, std::less<>> by_product;
    };
    const ServiceUnits& service_units(const std::string& provider, const std::string& service);

    std::map<std::string, ServiceUnits> m_services;
    std::map<std::string, SourceLocation> m_keys;
};

} // namespace costgate::pricing
