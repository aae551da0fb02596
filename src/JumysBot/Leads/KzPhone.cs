namespace JumysBot.Leads;

/// <summary>
/// Kazakhstan phone numbers as people write them («8 701 123 45 67», «+7 (701) 123-45-67», «7011234567»),
/// stored as +7XXXXXXXXXX. Kazakhstan's numbers are +7 followed by ten digits that begin with 6 or 7;
/// other +7 numbers are Russian.
/// </summary>
public static class KzPhone
{
    public static bool TryParse(string? text, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var digits = new List<char>(12);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '+' or '.' or '\u00A0'))
            {
                return false;
            }
        }

        var number = new string([.. digits]);
        var national = number.Length switch
        {
            11 when number[0] is '7' or '8' => number[1..],
            10 => number,
            _ => null,
        };
        if (national is null || national[0] is not ('7' or '6'))
        {
            return false;
        }

        normalized = "+7" + national;
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);
}
