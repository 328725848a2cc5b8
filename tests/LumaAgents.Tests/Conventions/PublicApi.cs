using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace LumaAgents.Tests.Conventions;

/// <summary>
/// What users of an assembly can see and call, found by reflection: public types, and their public and protected
/// members (protected ones only where a user can derive). <see cref="Render"/> writes it as C#-like declarations with
/// nullability, one per line, in a fixed order, so two versions of the surface can be compared line by line.
/// </summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(char)] = "char",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
    };

    private static readonly Dictionary<string, string> Operators = new()
    {
        ["op_Equality"] = "==",
        ["op_Inequality"] = "!=",
        ["op_LessThan"] = "<",
        ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=",
        ["op_GreaterThanOrEqual"] = ">=",
        ["op_Addition"] = "+",
        ["op_Subtraction"] = "-",
        ["op_Multiply"] = "*",
        ["op_Division"] = "/",
        ["op_Modulus"] = "%",
        ["op_UnaryNegation"] = "-",
        ["op_UnaryPlus"] = "+",
        ["op_LogicalNot"] = "!",
        ["op_True"] = "true",
        ["op_False"] = "false",
        ["op_BitwiseAnd"] = "&",
        ["op_BitwiseOr"] = "|",
        ["op_ExclusiveOr"] = "^",
    };

    /// <summary>The assembly's surface, one declaration per line: each type, then its members indented.</summary>
    public static string Render(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var text = new StringBuilder();
        foreach (var type in VisibleTypes(assembly))
        {
            text.Append(DeclareType(type)).Append('\n');
            // Enum members in value order, as they are declared; everything else by kind, then name, then signature.
            var members = VisibleMembers(type)
                .Select(member => (Order: Order(member), Value: type.IsEnum && member is FieldInfo field ? Convert.ToDecimal(field.GetRawConstantValue(), CultureInfo.InvariantCulture) : 0m, member.Name, Line: Declare(member, nullability)))
                .OrderBy(m => m.Order).ThenBy(m => m.Value).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Line, StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("    ").Append(member.Line).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Types a user can name, in full-name order.</summary>
    public static IEnumerable<Type> VisibleTypes(Assembly assembly)
        => assembly.GetTypes().Where(IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>
    /// Members a user can call or override: constructors, fields, properties, events and methods (operators included,
    /// property and event accessors folded into their property or event). Unspeakable compiler members are left out.
    /// </summary>
    public static IEnumerable<MemberInfo> VisibleMembers(Type type)
    {
        foreach (var member in type.GetMembers(Declared))
        {
            if (member.Name.Contains('<') || member is Type)
            {
                continue;
            }

            var visible = member switch
            {
                ConstructorInfo constructor => !constructor.IsStatic && IsVisible(constructor, type),
                MethodInfo method => IsVisible(method, type) && (!method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal)),
                PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => IsVisible(a, type)),
                EventInfo @event => @event.AddMethod is { } add && IsVisible(add, type),
                FieldInfo field => !field.IsSpecialName && (field.IsPublic || (CanDerive(type) && (field.IsFamily || field.IsFamilyOrAssembly))),
                _ => false,
            };
            if (visible)
            {
                yield return member;
            }
        }
    }

    /// <summary>Whether the compiler wrote the member itself (record equality, printing, cloning).</summary>
    public static bool IsCompilerGenerated(MemberInfo member) => member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    /// <summary>Whether the type is a record (class or struct), judging by what the compiler generates for records.</summary>
    public static bool IsRecord(Type type)
        => type.GetMethod("<Clone>$", Declared) is not null
           || (type.IsValueType && type.GetMethod("PrintMembers", Declared, [typeof(StringBuilder)]) is { } print && IsCompilerGenerated(print));

    /// <summary>Whether the method returns something to await.</summary>
    public static bool IsAwaitable(Type type)
        => type == typeof(Task) || type == typeof(ValueTask)
           || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
               && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    private static bool IsVisible(Type type)
    {
        if (type.Name.Contains('<'))
        {
            return false;
        }

        if (!type.IsNested)
        {
            return type.IsPublic;
        }

        var declaring = type.DeclaringType!;
        return IsVisible(declaring) && (type.IsNestedPublic || (CanDerive(declaring) && (type.IsNestedFamily || type.IsNestedFamORAssem)));
    }

    private static bool IsVisible(MethodBase method, Type type)
        => method.IsPublic || (CanDerive(type) && (method.IsFamily || method.IsFamilyOrAssembly));

    private static bool CanDerive(Type type) => !type.IsSealed && !type.IsValueType && !type.IsInterface;

    private static int Order(MemberInfo member) => member switch
    {
        ConstructorInfo => 0,
        FieldInfo => 1,
        PropertyInfo => 2,
        EventInfo => 3,
        MethodInfo { IsSpecialName: true } => 5,
        _ => 4,
    };

    private static string DeclareType(Type type)
    {
        var text = new StringBuilder(Access(type)).Append(' ');
        string kind;
        if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsSubclassOf(typeof(Delegate)))
        {
            var invoke = type.GetMethod("Invoke")!;
            return $"{Access(type)} delegate {Name(invoke.ReturnType, null)} {Name(type, null)}({string.Join(", ", invoke.GetParameters().Select(p => Parameter(p, null)))})";
        }
        else if (type.IsValueType)
        {
            kind = (HasAttribute(type.GetCustomAttributesData(), "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "readonly " : string.Empty)
                   + (IsRecord(type) ? "record struct" : "struct");
        }
        else
        {
            kind = (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty)
                   + (IsRecord(type) ? "record" : "class");
        }

        text.Append(kind).Append(' ').Append(Name(type, null)).Append(GenericConstraints(type.IsGenericTypeDefinition ? type.GetGenericArguments() : []));
        var bases = new List<string>();
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            if (underlying != typeof(int))
            {
                bases.Add(Name(underlying, null));
            }
        }
        else if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(Name(baseType, null));
        }

        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces().Where(i => !inherited.Contains(i) && IsVisible(i.IsGenericType ? i.GetGenericTypeDefinition() : i))
            .Select(i => Name(i, null)).OrderBy(n => n, StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").Append(string.Join(", ", bases));
        }

        return text.ToString();
    }

    private static string Access(Type type)
        => type.IsPublic || type.IsNestedPublic ? "public" : "protected";

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string Declare(MemberInfo member, NullabilityInfoContext nullability) => member switch
    {
        ConstructorInfo constructor => $"{Access(constructor)} {ShortName(constructor.DeclaringType!)}({Parameters(constructor, nullability)})",
        MethodInfo method => DeclareMethod(method, nullability),
        PropertyInfo property => DeclareProperty(property, nullability),
        FieldInfo field => DeclareField(field, nullability),
        EventInfo @event => $"{Access(@event.AddMethod!)} {Modifiers(@event.AddMethod!)}event {Name(@event.EventHandlerType!, null)} {@event.Name};",
        _ => throw new NotSupportedException(member.GetType().Name),
    };

    private static string DeclareMethod(MethodInfo method, NullabilityInfoContext nullability)
    {
        var returns = Name(method.ReturnType, nullability.Create(method.ReturnParameter));
        var parameters = Parameters(method, nullability);
        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            return $"{Access(method)} static {(method.Name == "op_Implicit" ? "implicit" : "explicit")} operator {returns}({parameters})";
        }

        if (method.IsSpecialName && Operators.TryGetValue(method.Name, out var symbol))
        {
            return $"{Access(method)} static {returns} operator {symbol}({parameters})";
        }

        var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
        var constraints = method.IsGenericMethodDefinition ? GenericConstraints(method.GetGenericArguments()) : string.Empty;
        return $"{Access(method)} {Modifiers(method)}{returns} {method.Name}{generic}({parameters}){constraints}";
    }

    private static string DeclareProperty(PropertyInfo property, NullabilityInfoContext nullability)
    {
        var accessors = property.GetAccessors(nonPublic: true).Where(a => IsVisible(a, property.DeclaringType!)).ToList();
        var widest = accessors.Any(a => a.IsPublic) ? "public" : "protected";
        var first = accessors[0];
        var text = new StringBuilder(widest).Append(' ').Append(Modifiers(first))
            .Append(Name(property.PropertyType, nullability.Create(property))).Append(' ');
        var index = property.GetIndexParameters();
        text.Append(index.Length == 0 ? property.Name : $"this[{string.Join(", ", index.Select(p => Parameter(p, nullability)))}]").Append(" {");
        if (property.GetMethod is { } getter && accessors.Contains(getter))
        {
            text.Append(' ').Append(Access(getter) == widest ? string.Empty : Access(getter) + " ").Append("get;");
        }

        if (property.SetMethod is { } setter && accessors.Contains(setter))
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            text.Append(' ').Append(Access(setter) == widest ? string.Empty : Access(setter) + " ").Append(isInit ? "init;" : "set;");
        }

        return text.Append(" }").ToString();
    }

    private static string DeclareField(FieldInfo field, NullabilityInfoContext nullability)
    {
        var access = field.IsPublic ? "public" : "protected";
        if (field.DeclaringType!.IsEnum)
        {
            return $"{field.Name} = {Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture)}";
        }

        var type = Name(field.FieldType, nullability.Create(field));
        if (field.IsLiteral)
        {
            return $"{access} const {type} {field.Name} = {Literal(field.GetRawConstantValue(), field.FieldType)};";
        }

        return $"{access} {(field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}{type} {field.Name};";
    }

    private static string Modifiers(MethodInfo method)
    {
        if (method.DeclaringType!.IsInterface)
        {
            return method.IsStatic ? "static " : string.Empty;
        }

        if (method.IsStatic)
        {
            return "static ";
        }

        if (method.IsAbstract)
        {
            return "abstract ";
        }

        if (!method.IsVirtual)
        {
            return string.Empty;
        }

        var overrides = method.GetBaseDefinition().DeclaringType != method.DeclaringType;
        if (overrides)
        {
            return method.IsFinal ? "sealed override " : "override ";
        }

        // An interface implementation that is not virtual in C# is emitted as virtual final: show it as C# wrote it.
        return method.IsFinal ? string.Empty : "virtual ";
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability)
    {
        var isExtension = method.IsDefined(typeof(ExtensionAttribute), false);
        return string.Join(", ", method.GetParameters().Select((p, i) => (isExtension && i == 0 ? "this " : string.Empty) + Parameter(p, nullability)));
    }

    private static string Parameter(ParameterInfo parameter, NullabilityInfoContext? nullability)
    {
        var type = parameter.ParameterType;
        var prefix = string.Empty;
        if (type.IsByRef)
        {
            prefix = parameter.IsOut ? "out " : parameter.IsIn || HasAttribute(parameter.GetCustomAttributesData(), "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "in " : "ref ";
        }
        else if (parameter.IsDefined(typeof(ParamArrayAttribute), false))
        {
            prefix = "params ";
        }

        var text = prefix + Name(type, nullability?.Create(parameter)) + " " + parameter.Name;
        if (parameter.HasDefaultValue)
        {
            var underlying = type.IsByRef ? type.GetElementType()! : type;
            text += " = " + (parameter.RawDefaultValue is null && underlying.IsValueType && Nullable.GetUnderlyingType(underlying) is null
                ? "default"
                : Literal(parameter.RawDefaultValue, underlying));
        }

        return text;
    }

    // By name: for netstandard2.0 the compiler embeds its own copy of attributes such as IsReadOnlyAttribute.
    private static bool HasAttribute(IEnumerable<CustomAttributeData> attributes, string fullName)
        => attributes.Any(a => a.AttributeType.FullName == fullName);

    private static string Literal(object? value, Type type) => value switch
    {
        null => "null",
        string text => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        char c => "'" + c + "'",
        bool flag => flag ? "true" : "false",
        _ when (Nullable.GetUnderlyingType(type) ?? type).IsEnum => $"({Name(Nullable.GetUnderlyingType(type) ?? type, null)}){Convert.ToString(value, CultureInfo.InvariantCulture)}",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string GenericConstraints(Type[] parameters)
    {
        var text = new StringBuilder();
        foreach (var parameter in parameters)
        {
            var constraints = new List<string>();
            var attributes = parameter.GenericParameterAttributes;
            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("struct");
            }
            else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                constraints.Add("class");
            }

            constraints.AddRange(parameter.GetGenericParameterConstraints().Where(c => c != typeof(ValueType)).Select(c => Name(c, null)));
            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                text.Append(" where ").Append(parameter.Name).Append(" : ").Append(string.Join(", ", constraints));
            }
        }

        return text.ToString();
    }

    private static string ShortName(Type type)
    {
        var tick = type.Name.IndexOf('`');
        return tick < 0 ? type.Name : type.Name.Substring(0, tick);
    }

    /// <summary>A type as C# spells it in full, with <c>?</c> where the nullability annotations allow null.</summary>
    private static string Name(Type type, NullabilityInfo? nullability)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!, nullability);
        }

        // Not for generic parameters: reflection reports an unconstrained T as nullable whether or not it was written T?.
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var nullable = nullability?.ReadState == NullabilityState.Nullable && !type.IsValueType ? "?" : string.Empty;

        if (type.IsArray)
        {
            return Name(type.GetElementType()!, nullability?.ElementType) + "[" + new string(',', type.GetArrayRank() - 1) + "]" + nullable;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, null) + "?";
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + nullable;
        }

        var name = type.IsNested ? Name(type.DeclaringType!, null) + "." + ShortName(type) : (type.Namespace is null ? string.Empty : type.Namespace + ".") + ShortName(type);
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            name += "<" + string.Join(", ", arguments.Select((a, i) => Name(a, nullability?.GenericTypeArguments.ElementAtOrDefault(i)))) + ">";
        }

        return name + nullable;
    }
}
