using System.Collections.Generic;
using System.Globalization;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>Writes a C# enum: values renamed to PascalCase without the enum's prefix, original names kept in attributes.</summary>
internal sealed class EnumEmitter(EmitContext context, ProtoEnum protoEnum)
{
    public void Emit()
    {
        CodeWriter w = context.Writer;
        context.Comments.Write(w, protoEnum.Path);
        if (protoEnum.Proto.Options?.Deprecated == true)
        {
            w.Line("[global::System.ObsoleteAttribute]");
        }
        w.Open($"{context.AccessLevel} enum {Names.EscapeKeyword(protoEnum.Name)}");
        var usedNames = new HashSet<string>();
        var usedNumbers = new HashSet<int>();
        for (int i = 0; i < protoEnum.Proto.Value.Count; i++)
        {
            EnumValueDescriptorProto value = protoEnum.Proto.Value[i];
            context.Comments.Write(w, [.. protoEnum.Path, 2, i]);
            if (value.Options?.Deprecated == true)
            {
                w.Line("[global::System.ObsoleteAttribute]");
            }
            string name = Names.EnumValueName(protoEnum.Name, value.Name);
            // Prefix removal can make two values collide; later ones get underscores, as in protoc.
            while (!usedNames.Add(name))
            {
                name += "_";
            }
            string number = value.Number.ToString(CultureInfo.InvariantCulture);
            // Aliases (a number seen before) are marked so JSON formatting uses the first name.
            string alias = usedNumbers.Add(value.Number) ? "" : ", PreferredAlias = false";
            w.Line($"[pbr::OriginalName(\"{value.Name}\"{alias})] {name} = {number},");
        }
        w.Close();
        w.Line();
    }
}
