using System.Security.Claims;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Authorization;

/// <summary>The resource the handler decides on: an event id, never trusted by itself.</summary>
public sealed record EventResource(Guid EventId);
