using System.Collections.Generic;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>A real (non-synthetic) oneof and its fields, in declaration order.</summary>
internal sealed class ProtoOneof(string name, int index)
{
    public string Name { get; } = name;

    public int Index { get; } = index;

    public List<ProtoField> Fields { get; } = [];

    /// <summary>The private field holding the value (<c>foo_</c>).</summary>
    public string FieldName => Names.UnderscoresToCamelCase(Name, capitalizeNext: false) + "_";

    /// <summary>The PascalCase name used for the case enum and property (<c>Foo</c>).</summary>
    public string PropertyName => Names.UnderscoresToCamelCase(Name, capitalizeNext: true);

    public string CaseFieldName => Names.UnderscoresToCamelCase(Name, capitalizeNext: false) + "Case_";

    public string CaseEnumName => PropertyName + "OneofCase";
}
