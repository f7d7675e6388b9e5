// The site the search tests index: three documents, each with words no other has.
#pragma once

namespace kansli::testing {

// Every kind of block, each holding words no other block has. "kvittensblankett" is only
// in a's table, "lodjurspolicy" only in b's code block, "sjöfartsverket" only in c's list.
inline constexpr char kSearchSite[] = R"(-- content/a.md --
---
id: a
title: Alfa
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
---
# Rubrik om alfa

Ett *betonat* och **fett** stycke med `kodord` och [en länk](https://example.org/) och
~~struken~~ text, [[b]] och [[c|en etikett]].

- punkt ett
- punkt två
  1. inre punkt

> citerad mening

| Kolumn | Annan |
|--------|-------|
| kvittensblankett | annat värde |

Sista stycket  
ny rad.
-- content/b.md --
---
id: b
title: "Beta </script><script>alert(1)</script>"
type: policy
organisation: Testby kommun
status: utkast
owner: "Ägare \u2028 rad"
---
```text
lodjurspolicy = 1
```

***
-- content/c.md --
---
id: c
title: "Gamma \u2028\u2029 med radseparator"
type: plan
organisation: Annanby kommun
status: utkast
owner: Planenheten
diary_number: "KS 2019/0456"
---
## Avsnitt

1. sjöfartsverket
2. annat
)";

}  // namespace kansli::testing
