namespace JumysBot.Leads.FollowUp;

/// <summary>Working time between two moments: 09:00–18:00, Monday to Friday, in the offices' time zone.</summary>
public static class WorkingHours
{
    private static readonly TimeSpan _dayStart = TimeSpan.FromHours(9);
    private static readonly TimeSpan _dayEnd = TimeSpan.FromHours(18);

    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var start = TimeZoneInfo.ConvertTime(from, zone);
        var end = TimeZoneInfo.ConvertTime(to, zone);
        var total = TimeSpan.Zero;
        for (var day = start.Date; day <= end.Date; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var open = day + _dayStart;
            var close = day + _dayEnd;
            var a = start.DateTime > open ? start.DateTime : open;
            var b = end.DateTime < close ? end.DateTime : close;
            if (b > a)
            {
                total += b - a;
            }
        }

        return total;
    }
}
