using Mono.Cecil;
using Mono.Cecil.Cil;

namespace JumysBot.Tests.Architecture;

/// <summary>
/// Which top-level folder of the bot (its namespace under <c>JumysBot.</c>) uses which, read from the compiled assembly:
/// base types, interfaces, fields, properties, method signatures, attributes, and every type and member an instruction
/// names. A reference is recorded with the type that makes it, so a failure names the place to look.
/// </summary>
internal static class FolderGraph
{
    public static IReadOnlyList<(string FromFolder, string FromType, string ToFolder)> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new HashSet<(string, string, string)>();
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            if (FolderOf(owner.Namespace) is not { } from)
            {
                continue;
            }

            void Use(TypeReference? used)
            {
                foreach (var folder in FoldersIn(used))
                {
                    if (folder != from)
                    {
                        edges.Add((from, owner.FullName, folder));
                    }
                }
            }

            Use(type.BaseType);
            foreach (var implemented in type.Interfaces)
            {
                Use(implemented.InterfaceType);
            }

            foreach (var field in type.Fields)
            {
                Use(field.FieldType);
            }

            foreach (var property in type.Properties)
            {
                Use(property.PropertyType);
            }

            foreach (var method in type.Methods)
            {
                Use(method.ReturnType);
                foreach (var parameter in method.Parameters)
                {
                    Use(parameter.ParameterType);
                }

                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var variable in method.Body.Variables)
                {
                    Use(variable.VariableType);
                }

                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference typeOperand:
                            Use(typeOperand);
                            break;
                        case MemberReference member:
                            Use(member.DeclaringType);
                            if (member is MethodReference called)
                            {
                                Use(called.ReturnType);
                                foreach (var parameter in called.Parameters)
                                {
                                    Use(parameter.ParameterType);
                                }

                                if (called is GenericInstanceMethod generic)
                                {
                                    foreach (var argument in generic.GenericArguments)
                                    {
                                        Use(argument);
                                    }
                                }
                            }
                            else if (member is FieldReference field)
                            {
                                Use(field.FieldType);
                            }

                            break;
                    }
                }
            }
        }

        return [.. edges.Order()];
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private static IEnumerable<string> FoldersIn(TypeReference? type)
    {
        switch (type)
        {
            case null:
                yield break;
            case GenericInstanceType generic:
                foreach (var folder in FoldersIn(generic.ElementType).Concat(generic.GenericArguments.SelectMany(FoldersIn)))
                {
                    yield return folder;
                }

                yield break;
            case TypeSpecification specification:
                foreach (var folder in FoldersIn(specification.ElementType))
                {
                    yield return folder;
                }

                yield break;
        }

        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        if (FolderOf(type.Namespace) is { } found)
        {
            yield return found;
        }
    }

    private static string? FolderOf(string? ns) =>
        ns is not null && ns.StartsWith("JumysBot.", StringComparison.Ordinal) ? ns["JumysBot.".Length..].Split('.')[0] : null;
}
