using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>
/// A hash of what other units compile against: a unit's reference assembly, read back and written out by name, minus the
/// private nested types no kept member mentions. Roslyn keeps every type in a reference assembly, private nested ones
/// included, and adding one renumbers the type rows after it; so a private enum added to a class (the kind of edit that
/// makes a reload "rude" for Hot Reload) changed the bytes, and every dependent compiled again for nothing. Nothing outside
/// the type can name a private nested type, so it belongs to the surface only through a member that is kept: a struct's
/// private field (which decides whether the struct is unmanaged), or an interface a kept type implements. Those are kept,
/// with everything their own members mention.
/// </summary>
internal static class ReferenceSurface
{
    public static byte[] Hash(ReadOnlySpan<byte> referenceAssembly)
    {
        using var pe = new PEReader(ImmutableArray.Create(referenceAssembly.ToArray()));
        MetadataReader reader = pe.GetMetadataReader();
        var writer = new SurfaceWriter(reader);
        writer.WriteAssembly();

        // Types in row order (declaration order: a struct's field layout follows it); a private nested type waits until
        // something written mentions it.
        var deferred = new HashSet<TypeDefinitionHandle>();
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            if (IsPrivateNested(reader, handle))
            {
                deferred.Add(handle);
            }
            else
            {
                writer.WriteType(handle);
            }
        }

        while (deferred.FirstOrDefault(writer.Mentioned.Contains) is var next && !next.IsNil)
        {
            deferred.Remove(next);
            writer.WriteType(next);
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(writer.ToString()));
    }

    /// <summary>Whether only the type's own declaring types can name it: it is private, or nested in a private type.</summary>
    private static bool IsPrivateNested(MetadataReader reader, TypeDefinitionHandle handle)
    {
        for (TypeDefinition type = reader.GetTypeDefinition(handle); type.IsNested; type = reader.GetTypeDefinition(type.GetDeclaringType()))
        {
            if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.NestedPrivate)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes metadata as text in which every type is named, not numbered, noting the types it names.</summary>
    private sealed class SurfaceWriter(MetadataReader reader) : ISignatureTypeProvider<string, object?>
    {
        private readonly StringBuilder _text = new();

        public HashSet<TypeDefinitionHandle> Mentioned { get; } = [];

        public override string ToString() => _text.ToString();

        public void WriteAssembly()
        {
            AssemblyDefinition assembly = reader.GetAssemblyDefinition();
            _text.Append("assembly ").Append(reader.GetString(assembly.Name)).Append(' ').Append(assembly.Version)
                .Append(' ').Append(reader.GetString(assembly.Culture)).Append(' ').Append((int)assembly.Flags).Append('\n');
            WriteAttributes(assembly.GetCustomAttributes());
            WriteAttributes(reader.GetModuleDefinition().GetCustomAttributes());
            foreach (ExportedTypeHandle handle in reader.ExportedTypes)
            {
                ExportedType exported = reader.GetExportedType(handle);
                _text.Append("exported ").Append(reader.GetString(exported.Namespace)).Append('.').Append(reader.GetString(exported.Name))
                    .Append(' ').Append((int)exported.Attributes).Append('\n');
            }
        }

        public void WriteType(TypeDefinitionHandle handle)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            _text.Append("type ").Append(Name(handle)).Append(' ').Append((int)type.Attributes);
            TypeLayout layout = type.GetLayout();
            _text.Append(" layout ").Append(layout.PackingSize).Append(' ').Append(layout.Size);
            if (!type.BaseType.IsNil)
            {
                _text.Append(" : ").Append(TypeOf(type.BaseType));
            }

            _text.Append('\n');
            WriteGenericParameters(type.GetGenericParameters());
            WriteAttributes(type.GetCustomAttributes());
            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                InterfaceImplementation value = reader.GetInterfaceImplementation(implementation);
                _text.Append(" implements ").Append(TypeOf(value.Interface)).Append('\n');
                WriteAttributes(value.GetCustomAttributes());
            }

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
                _text.Append(" field ").Append(reader.GetString(field.Name)).Append(' ').Append((int)field.Attributes)
                    .Append(' ').Append(field.DecodeSignature(this, null)).Append(" offset ").Append(field.GetOffset());
                WriteConstant(field.GetDefaultValue());
                _text.Append('\n');
                WriteAttributes(field.GetCustomAttributes());
            }

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                WriteMethod(methodHandle);
            }

            foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
            {
                PropertyDefinition property = reader.GetPropertyDefinition(propertyHandle);
                PropertyAccessors accessors = property.GetAccessors();
                _text.Append(" property ").Append(reader.GetString(property.Name)).Append(' ').Append((int)property.Attributes)
                    .Append(' ').Append(Describe(property.DecodeSignature(this, null)))
                    .Append(" get ").Append(MethodName(accessors.Getter)).Append(" set ").Append(MethodName(accessors.Setter));
                foreach (MethodDefinitionHandle other in accessors.Others)
                {
                    _text.Append(" other ").Append(MethodName(other));
                }

                WriteConstant(property.GetDefaultValue());
                _text.Append('\n');
                WriteAttributes(property.GetCustomAttributes());
            }

            foreach (EventDefinitionHandle eventHandle in type.GetEvents())
            {
                EventDefinition definition = reader.GetEventDefinition(eventHandle);
                EventAccessors accessors = definition.GetAccessors();
                _text.Append(" event ").Append(reader.GetString(definition.Name)).Append(' ').Append((int)definition.Attributes)
                    .Append(' ').Append(TypeOf(definition.Type)).Append(" add ").Append(MethodName(accessors.Adder))
                    .Append(" remove ").Append(MethodName(accessors.Remover)).Append(" raise ").Append(MethodName(accessors.Raiser)).Append('\n');
                WriteAttributes(definition.GetCustomAttributes());
            }

            foreach (MethodImplementationHandle implementationHandle in type.GetMethodImplementations())
            {
                MethodImplementation implementation = reader.GetMethodImplementation(implementationHandle);
                _text.Append(" overrides ").Append(MethodOf(implementation.MethodDeclaration)).Append(" with ")
                    .Append(MethodOf(implementation.MethodBody)).Append('\n');
            }
        }

        private void WriteMethod(MethodDefinitionHandle handle)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            _text.Append(" method ").Append(reader.GetString(method.Name)).Append(' ').Append((int)method.Attributes)
                .Append(' ').Append((int)method.ImplAttributes).Append(' ').Append(Describe(method.DecodeSignature(this, null))).Append('\n');
            WriteGenericParameters(method.GetGenericParameters());
            WriteAttributes(method.GetCustomAttributes());
            foreach (ParameterHandle parameterHandle in method.GetParameters())
            {
                Parameter parameter = reader.GetParameter(parameterHandle);
                _text.Append("  parameter ").Append(parameter.SequenceNumber).Append(' ').Append(reader.GetString(parameter.Name))
                    .Append(' ').Append((int)parameter.Attributes);
                WriteConstant(parameter.GetDefaultValue());
                _text.Append('\n');
                WriteAttributes(parameter.GetCustomAttributes());
            }
        }

        private void WriteGenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (GenericParameterHandle handle in parameters)
            {
                GenericParameter parameter = reader.GetGenericParameter(handle);
                _text.Append("  generic ").Append(parameter.Index).Append(' ').Append(reader.GetString(parameter.Name))
                    .Append(' ').Append((int)parameter.Attributes).Append('\n');
                WriteAttributes(parameter.GetCustomAttributes());
                foreach (GenericParameterConstraintHandle constraintHandle in parameter.GetConstraints())
                {
                    GenericParameterConstraint constraint = reader.GetGenericParameterConstraint(constraintHandle);
                    _text.Append("   constraint ").Append(TypeOf(constraint.Type)).Append('\n');
                    WriteAttributes(constraint.GetCustomAttributes());
                }
            }
        }

        private void WriteAttributes(CustomAttributeHandleCollection attributes)
        {
            foreach (CustomAttributeHandle handle in attributes)
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                // The value blob names types by their serialized names and holds no tokens: its bytes can be compared.
                _text.Append("   [").Append(MethodOf(attribute.Constructor)).Append(' ')
                    .Append(Convert.ToHexString(reader.GetBlobBytes(attribute.Value))).Append("]\n");
            }
        }

        private void WriteConstant(ConstantHandle handle)
        {
            if (!handle.IsNil)
            {
                Constant constant = reader.GetConstant(handle);
                _text.Append(" = ").Append((int)constant.TypeCode).Append(':').Append(Convert.ToHexString(reader.GetBlobBytes(constant.Value)));
            }
        }

        private string MethodName(MethodDefinitionHandle handle) => handle.IsNil ? "-" : reader.GetString(reader.GetMethodDefinition(handle).Name);

        /// <summary>A method named by its type, name and signature (a definition, or a reference to another assembly's).</summary>
        private string MethodOf(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                    MethodDefinition method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return $"{Name(method.GetDeclaringType())}::{reader.GetString(method.Name)}{Describe(method.DecodeSignature(this, null))}";
                case HandleKind.MemberReference:
                    MemberReference member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    string parent = member.Parent.Kind == HandleKind.MethodDefinition ? MethodOf(member.Parent) : TypeOf(member.Parent);
                    string signature = member.GetKind() == MemberReferenceKind.Method
                        ? Describe(member.DecodeMethodSignature(this, null))
                        : member.DecodeFieldSignature(this, null);
                    return $"{parent}::{reader.GetString(member.Name)}{signature}";
                case HandleKind.MethodSpecification:
                    MethodSpecification specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return $"{MethodOf(specification.Method)}<{string.Join(",", specification.DecodeSignature(this, null))}>";
                default:
                    return handle.Kind.ToString();
            }
        }

        private static string Describe(MethodSignature<string> signature) =>
            $"{(int)signature.Header.RawValue} {signature.GenericParameterCount} ({string.Join(",", signature.ParameterTypes)}){signature.RequiredParameterCount} -> {signature.ReturnType}";

        private string TypeOf(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            _ => handle.Kind.ToString(),
        };

        private string Name(TypeDefinitionHandle handle)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            string name = reader.GetString(type.Name);
            return type.IsNested ? $"{Name(type.GetDeclaringType())}/{name}" : $"{reader.GetString(type.Namespace)}.{name}";
        }

        public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Mentioned.Add(handle);
            return Name(handle);
        }

        public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference type = reader.GetTypeReference(handle);
            string name = $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}";
            return type.ResolutionScope.Kind switch
            {
                HandleKind.TypeReference => $"{GetTypeFromReference(metadata, (TypeReferenceHandle)type.ResolutionScope, 0)}/{name}",
                HandleKind.AssemblyReference => $"[{reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)}]{name}",
                _ => name,
            };
        }

        public string GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) =>
            $"{elementType}[{shape.Rank};{string.Join(",", shape.Sizes)};{string.Join(",", shape.LowerBounds)}]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType + " pinned";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => $"method {Describe(signature)}";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
            $"{unmodifiedType} {(isRequired ? "modreq" : "modopt")}({modifier})";
    }
}
