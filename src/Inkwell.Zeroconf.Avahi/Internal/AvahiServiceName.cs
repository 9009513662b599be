using System.Globalization;
using System.Text;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>A service instance's full DNS name in the escaped text form Avahi's D-Bus API takes (avahi_service_name_join).</summary>
internal static class AvahiServiceName
{
    /// <summary>
    /// "Name._x._tcp.local": the instance label escapes '.' and '\' with a backslash and control characters as \DDD
    /// (decimal), so a dot in an instance name stays inside its label; everything else, UTF-8 included, is passed as is.
    /// </summary>
    public static string Join(string instance, string type, string domain)
    {
        var name = new StringBuilder(instance.Length + type.Length + domain.Length + 8);
        foreach (char c in instance)
        {
            if (c is '.' or '\\')
            {
                name.Append('\\').Append(c);
            }
            else if (c < 0x20 || c == 0x7F)
            {
                name.Append('\\').Append(((int)c).ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                name.Append(c);
            }
        }
        name.Append('.').Append(type.Trim('.'));
        if (domain.Trim('.').Length > 0)
        {
            name.Append('.').Append(domain.Trim('.'));
        }
        return name.ToString();
    }
}
