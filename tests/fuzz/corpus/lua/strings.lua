local s = string.rep("åäö", 10, ",")
print(#s, utf8.len(s), s:upper(), s:sub(-3), s:byte(1, -1))
print(string.format("%q %5.2f %x %s %-10s|", "a\0b", math.pi, 255, {}, "x"))
print(("a,b,c"):gsub(",", ";"), ("x=1, y=2"):match("(%w+)=(%w+)"))
for k, v in string.gmatch("a=1, b=2", "(%w+)=(%w+)") do print(k, v) end
print(string.pack("i4", 7):byte(1, -1), string.unpack("z", "abc\0"))
print(utf8.char(229, 228, 246, 0x10FFFF), pcall(utf8.codepoint, "\xff"))
