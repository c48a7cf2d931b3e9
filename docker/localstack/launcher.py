"""Writes a jar that only names a main class and a folder's jars in its manifest, for `java -jar`."""
import os
import sys
import zipfile


def header(name, value):
    # Manifest lines are at most 72 bytes; longer ones continue on lines that start with a space.
    line = f"{name}: {value}"
    parts = [line[:72]] + [" " + line[i:i + 71] for i in range(72, len(line), 71)]
    return "\r\n".join(parts) + "\r\n"


jar, main_class, lib = sys.argv[1:4]
class_path = " ".join(f"{lib}/{f}" for f in sorted(os.listdir(lib)) if f.endswith(".jar"))
manifest = header("Manifest-Version", "1.0") + header("Main-Class", main_class) + header("Class-Path", class_path)
with zipfile.ZipFile(jar, "w") as z:
    z.writestr("META-INF/MANIFEST.MF", manifest + "\r\n")
