"""Reads and writes messages of a lowered Inkwell hierarchy with Debian's python3-protobuf.

Run through /usr/bin/python3 by PythonProtobufInteropTests (bytes protoc encodes from the lowered schema) and by
PythonExchangeTests (bytes of the generated C# classes). The classes come from a descriptor set (written with
--include_imports), through a descriptor pool and a message factory, so no second protoc is needed.

    zoo_interop.py SET ENCODING read TYPE FILE    prints the chain of subtypes in FILE, one level per line:
                                                  `zoo.Animal:weight=2.5`, then `zoo.Cat:declawed=true`, ...
    zoo_interop.py SET ENCODING write FILE LEVELS writes a message built level by level through the runtime's own API;
                                                  LEVELS is those lines joined by `/`: `zoo.Animal:weight=2.5/zoo.Cat:...`
    zoo_interop.py SET ENCODING read-list TYPE FIELD FILE
                                                  prints each element of the repeated FIELD of the TYPE in FILE as its
                                                  LEVELS, one element per line
    zoo_interop.py SET ENCODING write-list TYPE FIELD FILE LEVELS...
                                                  writes a TYPE whose repeated FIELD holds one element per LEVELS

ENCODING is ONEOF, ANY or EXTENSIONS: how each base holds its subtype (the member is always called `subtype`).
"""
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory


def load(path):
    files = descriptor_pb2.FileDescriptorSet()
    with open(path, "rb") as f:
        files.ParseFromString(f.read())
    pool = descriptor_pool.DescriptorPool()
    for file in files.file:  # dependencies first, as protoc and inkwell write them
        pool.Add(file)
    factory = message_factory.MessageFactory(pool)
    classes = factory.GetMessages([file.name for file in files.file])
    return pool, classes


def own_fields(message):
    """The fields set on this level, without the member that carries the subtype."""
    parts = []
    for field, value in message.ListFields():
        if field.is_extension or field.name == "subtype" or field.containing_oneof is not None:
            continue
        parts.append("%s=%s" % (field.name, format_value(value)))
    return parts


def format_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "%g" % value
    return str(value)


def child(pool, classes, encoding, message):
    """The subtype one level down, read through the runtime's API for the encoding, or None."""
    if encoding == "ONEOF":
        if "subtype" not in message.DESCRIPTOR.oneofs_by_name:
            return None
        name = message.WhichOneof("subtype")
        return None if name is None else getattr(message, name)
    if encoding == "ANY":
        if "subtype" not in message.DESCRIPTOR.fields_by_name or not message.HasField("subtype"):
            return None
        packed = message.subtype
        inner = classes[packed.TypeName()]()
        if not packed.Unpack(inner):
            raise SystemExit("cannot unpack " + packed.type_url)
        return inner
    if encoding == "EXTENSIONS":
        if "subtype" not in message.DESCRIPTOR.fields_by_name or not message.HasField("subtype"):
            return None
        extension = pool.FindExtensionByNumber(message.DESCRIPTOR, message.subtype)
        if not message.HasExtension(extension):
            raise SystemExit("subtype says %d but extension %s is absent" % (message.subtype, extension.full_name))
        return message.Extensions[extension]
    raise SystemExit("unknown encoding " + encoding)


def parse(classes, type_name, path):
    message = classes[type_name]()
    with open(path, "rb") as f:
        message.ParseFromString(f.read())
    return message


def levels(pool, classes, encoding, message):
    """The chain of subtypes in message, one `type:field=value,...` string per level."""
    chain = []
    while message is not None:
        chain.append(message.DESCRIPTOR.full_name + ":" + ",".join(own_fields(message)))
        message = child(pool, classes, encoding, message)
    return chain


def set_field(message, assignment):
    name, text = assignment.split("=", 1)
    field = message.DESCRIPTOR.fields_by_name[name]
    if field.type == field.TYPE_BOOL:
        value = text == "true"
    elif field.type in (field.TYPE_FLOAT, field.TYPE_DOUBLE):
        value = float(text)
    elif field.type == field.TYPE_STRING:
        value = text
    else:
        value = int(text)
    setattr(message, name, value)


def build(pool, classes, encoding, levels):
    """Builds the most derived level first, then wraps it in each base the way the encoding says."""
    inner = None
    for level in reversed(levels.split("/")):
        type_name, _, assignments = level.partition(":")
        message = classes[type_name]()
        for assignment in filter(None, assignments.split(",")):
            set_field(message, assignment)
        if inner is not None:
            if encoding == "ONEOF":
                field = [f for f in message.DESCRIPTOR.oneofs_by_name["subtype"].fields
                         if f.message_type is inner.DESCRIPTOR][0]
                getattr(message, field.name).CopyFrom(inner)
            elif encoding == "ANY":
                message.subtype.Pack(inner)
            else:
                extension = [e for e in inner.DESCRIPTOR.extensions if e.containing_type is message.DESCRIPTOR][0]
                message.Extensions[extension].CopyFrom(inner)
                message.subtype = extension.number
        inner = message
    return inner


def main(argv):
    pool, classes = load(argv[1])
    encoding, command = argv[2], argv[3]
    if command == "read":
        print("\n".join(levels(pool, classes, encoding, parse(classes, argv[4], argv[5]))))
    elif command == "write":
        with open(argv[4], "wb") as f:
            f.write(build(pool, classes, encoding, argv[5]).SerializeToString())
    elif command == "read-list":
        for element in getattr(parse(classes, argv[4], argv[6]), argv[5]):
            print("/".join(levels(pool, classes, encoding, element)))
    elif command == "write-list":
        container = classes[argv[4]]()
        for element in argv[7:]:
            getattr(container, argv[5]).add().CopyFrom(build(pool, classes, encoding, element))
        with open(argv[6], "wb") as f:
            f.write(container.SerializeToString())
    else:
        raise SystemExit("unknown command " + command)


if __name__ == "__main__":
    main(sys.argv)
