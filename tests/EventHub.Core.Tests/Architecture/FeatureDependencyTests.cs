using System.Reflection;
using System.Reflection.Emit;
using EventHub.Core;
using Xunit.Abstractions;

namespace EventHub.Core.Tests.Architecture;

/// <summary>
/// Features never reference each other in a circle: the types of EventHub.Core.Features.* are read from the compiled
/// assembly (signatures and method bodies, lambdas and async state machines included), each feature's references to other
/// features become a graph, and a cycle in it fails the test with the references that make it.
/// Services several features share live outside Features/ (Registrations/, Common/, Email/...).
/// </summary>
public sealed class FeatureDependencyTests(ITestOutputHelper output)
{
    private const string FeaturesPrefix = "EventHub.Core.Features.";

    [Fact]
    public void No_feature_depends_on_another_in_a_circle()
    {
        var graph = FeatureReferences(typeof(CoreServiceCollectionExtensions).Assembly);
        foreach (var (from, to) in graph.OrderBy(e => e.Key))
        {
            output.WriteLine($"{from} -> {string.Join(", ", to.Keys.Order())}");
        }

        var cycles = Cycles(graph.ToDictionary(e => e.Key, e => e.Value.Keys.ToList()));
        Assert.True(cycles.Count == 0, "Features that reference each other in a circle:\n" + string.Join("\n", cycles.Select(c =>
            string.Join(" -> ", c) + "\n    " + string.Join("\n    ", c.Zip(c.Skip(1)).Select(p => $"{p.First} uses {p.Second} in {graph[p.First][p.Second]}")))));
    }

    [Fact]
    public void The_check_finds_a_circle_and_only_a_circle()
    {
        Assert.Equal([["A", "B", "A"]], Cycles(new() { ["A"] = ["B"], ["B"] = ["A"], ["C"] = ["A"] }));
        Assert.Empty(Cycles(new() { ["A"] = ["B"], ["B"] = ["C"], ["D"] = ["C"] }));
    }

    /// <summary>Feature -> (feature it uses -> one place where it does, for the message).</summary>
    private static Dictionary<string, Dictionary<string, string>> FeatureReferences(Assembly assembly)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (Feature(type) is not { } from)
            {
                continue;
            }

            foreach (var (used, where) in References(type))
            {
                if (Feature(used) is { } to && to != from)
                {
                    var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new Dictionary<string, string>(StringComparer.Ordinal);
                    edges.TryAdd(to, $"{Outer(type).Name}.{where} ({used.Name})");
                }
            }
        }

        return graph;
    }

    private static Type Outer(Type type) => type.DeclaringType is { } d ? Outer(d) : type;

    private static string? Feature(Type type)
    {
        var ns = Outer(type).Namespace;
        if (ns is null || !ns.StartsWith(FeaturesPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[FeaturesPrefix.Length..];
        return rest.Split('.')[0];
    }

    private static IEnumerable<(Type Used, string Where)> References(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<(Type, string)>();
        void Add(Type? t, string where)
        {
            foreach (var u in Expand(t))
            {
                found.Add((u, where));
            }
        }

        Add(type.BaseType, "base type");
        foreach (var i in type.GetInterfaces())
        {
            Add(i, "interface");
        }

        foreach (var f in type.GetFields(all))
        {
            Add(f.FieldType, f.Name);
        }

        foreach (var p in type.GetProperties(all))
        {
            Add(p.PropertyType, p.Name);
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType, m.Name);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType, m.Name);
            }

            foreach (var t in BodyReferences(m))
            {
                Add(t, m.Name);
            }
        }

        return found;
    }

    /// <summary>A type with its element and generic argument types.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsConstructedGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types a method's IL names: those of the members it calls or reads, and those it creates, casts to or loads.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[i++]));
            }

            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member;
                    try
                    {
                        member = module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }

                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            yield return m.DeclaringType!;
                            if (m is MethodInfo mi)
                            {
                                yield return mi.ReturnType;
                                foreach (var g in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                                {
                                    yield return g;
                                }
                            }

                            break;
                    }

                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, i);
                    i += 4 + (4 * count);
                    break;
                default:
                    i += op.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4,
                    };
                    break;
            }
        }
    }

    /// <summary>Each elementary cycle found by a depth-first walk, as the path that closes it (first node repeated at the end).</summary>
    private static List<List<string>> Cycles(Dictionary<string, List<string>> graph)
    {
        var cycles = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        void Walk(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                var cycle = path.Skip(at).Append(node).ToList();
                var key = string.Join(">", cycle.Skip(1).Order(StringComparer.Ordinal));
                if (keys.Add(key))
                {
                    cycles.Add(cycle);
                }

                return;
            }

            if (!seen.Add(node))
            {
                return;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                Walk(next);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            Walk(node);
        }

        return cycles;
    }
}
