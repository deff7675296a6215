#pragma once

#include "cpconf/date.hpp"

// The times of records are UK local time (Europe/London): Greenwich Mean Time in winter and
// British Summer Time (GMT+1) from 01:00 GMT on the last Sunday of March to 01:00 GMT on the
// last Sunday of October (the rule in force since 1996, applied to every year). Worked out here
// rather than read from the machine's time zone database, so that a count is the same under any
// TZ. Clock-hour timescales ("48 hours before") count elapsed hours across a clock change.
namespace cpconf {

// Whether British Summer Time is in force at this moment, given in minutes since 1970-01-01
// 00:00 GMT.
bool is_british_summer_time(long long utc_minutes);

// Minutes since 1970-01-01 00:00 GMT of a UK wall-clock time (a date alone is its 00:00). The
// hour the clocks skip in March (01:00 to 01:59) does not exist: such a time is read as GMT,
// that is as the hour after the change. The hour repeated in October is taken at its first
// occurrence, in summer time.
long long utc_minutes(const DateTime& local);

// The UK wall-clock time of a moment given in minutes since 1970-01-01 00:00 GMT.
DateTime uk_local_time(long long utc_minutes);

}  // namespace cpconf
