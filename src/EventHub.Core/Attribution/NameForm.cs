using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

internal enum NameForm
{
    Full,
    FirstLast,
    Surname,
}
