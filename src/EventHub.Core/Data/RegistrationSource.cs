namespace EventHub.Core.Data;

public enum RegistrationSource
{
    Invitation = 0,
    Nomination = 1,
    Request = 2,
}
