namespace Inkwell.Protobuf.Syntax;

/// <summary>Services and their methods.</summary>
internal sealed partial class Parser
{
    private const int ServiceName = 1;
    private const int ServiceMethod = 2;
    private const int ServiceOptions = 3;
    private const int MethodName = 1;
    private const int MethodInputType = 2;
    private const int MethodOutputType = 3;
    private const int MethodOptions = 4;
    private const int MethodClientStreaming = 5;
    private const int MethodServerStreaming = 6;

    private bool ParseServiceDefinition(List<ServiceSyntax> services, LocationRecorder location)
    {
        var methods = new List<MethodSyntax>();
        var options = new List<OptionSyntax>();
        bool parsed = ParseServiceDefinition(methods, options, location, out string name, out TextPosition namePosition);
        services.Add(new ServiceSyntax { Name = name, NamePosition = namePosition, Location = location.Location, Methods = methods, Options = options });
        return parsed;
    }

    private bool ParseServiceDefinition(List<MethodSyntax> methods, List<OptionSyntax> options, LocationRecorder location, out string name, out TextPosition namePosition)
    {
        name = "";
        namePosition = default;
        if (!Consume("service"))
        {
            return false;
        }

        using (location.Child(ServiceName))
        {
            namePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out name, "Expected service name."))
            {
                return false;
            }
        }

        if (!ConsumeEndOfDeclaration("{", location))
        {
            return false;
        }

        while (!TryConsumeEndOfDeclaration("}", null))
        {
            if (AtEnd)
            {
                Error("Reached end of input in service definition (missing '}').");
                return false;
            }

            if (!ParseServiceStatement(methods, options, location))
            {
                SkipStatement();
            }
        }

        return true;
    }

    private bool ParseServiceStatement(List<MethodSyntax> methods, List<OptionSyntax> options, LocationRecorder serviceLocation)
    {
        if (TryConsumeEndOfDeclaration(";", null))
        {
            return true;
        }

        if (LookingAt("option"))
        {
            using var optionLocation = serviceLocation.Child(ServiceOptions);
            return ParseOption(options, optionLocation, OptionStyle.Statement);
        }

        using var location = serviceLocation.Child(ServiceMethod, methods.Count);
        var method = new MethodParts();
        bool parsed = ParseServiceMethod(ref method, location);
        methods.Add(new MethodSyntax
        {
            Name = method.Name,
            NamePosition = method.NamePosition,
            InputType = method.InputType,
            InputTypePosition = method.InputTypePosition,
            OutputType = method.OutputType,
            OutputTypePosition = method.OutputTypePosition,
            ClientStreaming = method.ClientStreaming,
            ServerStreaming = method.ServerStreaming,
            HasOptions = method.HasOptionsBlock,
            Options = method.Options,
            Location = location.Location,
        });
        return parsed;
    }

    // An rpc as read so far (a failed one is kept too, as protoc keeps it).
    private struct MethodParts()
    {
        public string Name = "";
        public TextPosition NamePosition;
        public string InputType = "";
        public TextPosition InputTypePosition;
        public string OutputType = "";
        public TextPosition OutputTypePosition;
        public bool ClientStreaming;
        public bool ServerStreaming;
        public bool HasOptionsBlock;
        public List<OptionSyntax> Options = [];
    }

    private bool ParseServiceMethod(ref MethodParts method, LocationRecorder location)
    {
        if (!Consume("rpc"))
        {
            return false;
        }

        using (location.Child(MethodName))
        {
            method.NamePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected method name."))
            {
                return false;
            }

            method.Name = name;
        }

        if (!Consume("("))
        {
            return false;
        }

        if (LookingAt("stream"))
        {
            using (location.Child(MethodClientStreaming))
            {
                method.ClientStreaming = true;
                _lexer.Next();
            }
        }

        using (location.Child(MethodInputType))
        {
            method.InputTypePosition = TextPosition.Of(Current);
            if (!ParseUserDefinedType(out string input))
            {
                return false;
            }

            method.InputType = input;
        }

        if (!Consume(")") || !Consume("returns") || !Consume("("))
        {
            return false;
        }

        if (LookingAt("stream"))
        {
            using (location.Child(MethodServerStreaming))
            {
                method.ServerStreaming = true;
                _lexer.Next();
            }
        }

        using (location.Child(MethodOutputType))
        {
            method.OutputTypePosition = TextPosition.Of(Current);
            if (!ParseUserDefinedType(out string output))
            {
                return false;
            }

            method.OutputType = output;
        }

        if (!Consume(")"))
        {
            return false;
        }

        if (LookingAt("{"))
        {
            method.HasOptionsBlock = true;
            if (!ConsumeEndOfDeclaration("{", location))
            {
                return false;
            }

            while (!TryConsumeEndOfDeclaration("}", null))
            {
                if (AtEnd)
                {
                    Error("Reached end of input in method options (missing '}').");
                    return false;
                }

                if (TryConsumeEndOfDeclaration(";", null))
                {
                    continue;
                }

                using var optionLocation = location.Child(MethodOptions);
                if (!ParseOption(method.Options, optionLocation, OptionStyle.Statement))
                {
                    SkipStatement();
                }
            }

            return true;
        }

        return ConsumeEndOfDeclaration(";", location);
    }
}
