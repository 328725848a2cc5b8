using System.Reflection;
using System.Text;

namespace LumaAgents.Tests.Conventions;

/// <summary>
/// The ids the C# compiler writes into the XML documentation file (<c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>,
/// <c>E:</c>), computed from reflection so a type or member can be looked up in that file.
/// </summary>
internal static class DocumentationIds
{
    public static string Of(Type type) => "T:" + TypeName(type);

    public static string Of(MemberInfo member) => member switch
    {
        Type type => Of(type),
        ConstructorInfo constructor => $"M:{TypeName(constructor.DeclaringType!)}.{(constructor.IsStatic ? "#cctor" : "#ctor")}{Parameters(constructor.GetParameters())}",
        MethodInfo method => $"M:{TypeName(method.DeclaringType!)}.{method.Name.Replace('.', '#')}"
                             + (method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : string.Empty)
                             + Parameters(method.GetParameters())
                             + (method.Name is "op_Implicit" or "op_Explicit" ? "~" + Encode(method.ReturnType) : string.Empty),
        PropertyInfo property => $"P:{TypeName(property.DeclaringType!)}.{property.Name.Replace('.', '#')}{Parameters(property.GetIndexParameters())}",
        FieldInfo field => $"F:{TypeName(field.DeclaringType!)}.{field.Name}",
        EventInfo @event => $"E:{TypeName(@event.DeclaringType!)}.{@event.Name}",
        _ => throw new NotSupportedException(member.GetType().Name),
    };

    // The declaring type as written in ids: nested types joined with '.', the generic arity kept (LumaResponse`1).
    private static string TypeName(Type type)
        => type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? string.Empty : type.Namespace + ".") + type.Name;

    private static string Parameters(ParameterInfo[] parameters)
        => parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => Encode(p.ParameterType))) + ")";

    // A parameter type: generic parameters by position (`0 of the type, ``0 of the method), constructed generics in
    // braces, by-ref with '@'.
    private static string Encode(Type type)
    {
        if (type.IsByRef)
        {
            return Encode(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return Encode(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return Encode(type.GetElementType()!) + (rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]");
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        var name = new StringBuilder(type.IsNested ? Encode(type.DeclaringType!) + "." : (type.Namespace is null ? string.Empty : type.Namespace + "."));
        var tick = type.Name.IndexOf('`');
        name.Append(tick < 0 ? type.Name : type.Name.Substring(0, tick));
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var own = type.IsNested && type.DeclaringType!.IsGenericType ? arguments.Skip(type.DeclaringType.GetGenericArguments().Length) : arguments;
            if (tick >= 0)
            {
                name.Append('{').Append(string.Join(",", own.Select(Encode))).Append('}');
            }
        }

        return name.ToString();
    }
}
