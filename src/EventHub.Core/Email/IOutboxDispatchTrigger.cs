using EventHub.Core.Data;
using EventHub.Core.Jobs;

namespace EventHub.Core.Email;

/// <summary>Asks for a prompt dispatch. Only a convenience: the recurring DispatchOutbox sweep finds every row anyway.</summary>
public interface IOutboxDispatchTrigger
{
    void Trigger();
}
