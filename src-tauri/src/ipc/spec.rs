//! The IPC contract, read from the one place it is declared: the `#[tauri::command]`
//! functions in `src/commands/*.rs` (and their `pub const …_EVENT` names).
//!
//! `build.rs` uses it to generate the handler list, the command permissions, the window's
//! capability (`capabilities/main.json`) and the argument checks; the shell's `ipc` tests use
//! it to generate (and check for drift) the UI's `ui/src/lib/backend/commands.ts`. Adding a
//! command is writing its function; everything else follows from it.
//!
//! This file is compiled twice (by `build.rs` and by the tests), so it depends on `syn` only.

use std::fmt::Write as _;
use std::path::Path;

/// One `#[tauri::command]`.
#[derive(Debug, Clone)]
pub struct Command {
    /// The feature module (`inventory`, `profiles`, …).
    pub module: String,
    /// The function name, which is also the command name.
    pub name: String,
    /// The first line of its doc comment, if any.
    pub doc: Option<String>,
    /// The arguments the UI passes (managed state and handles left out).
    pub args: Vec<Arg>,
    /// The TypeScript type of a successful result.
    pub returns: String,
}

/// One argument the UI passes.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The Rust parameter name (`run_id`).
    pub rust_name: String,
    /// The name on the wire, as Tauri expects it (`runId`).
    pub js_name: String,
    /// The Rust type, as written (`Option < bool >`), for the generated checks.
    pub rust_type: String,
    /// How the UI provides it.
    pub kind: ArgKind,
}

/// How an argument crosses IPC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgKind {
    /// A JSON value of this TypeScript type.
    Value(String),
    /// A `Channel<T>`: the UI passes a callback taking this TypeScript type.
    Channel(String),
}

/// A `pub const NAME_EVENT: &str = "…";` the window listens to.
#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub value: String,
}

/// Everything the commands directory declares.
#[derive(Debug, Clone, Default)]
pub struct Contract {
    pub commands: Vec<Command>,
    pub events: Vec<Event>,
}

/// Parameter types that Tauri injects rather than the UI sending them.
const INJECTED: &[&str] = &[
    "Desk",
    "State",
    "AppHandle",
    "Window",
    "Webview",
    "WebviewWindow",
];

/// Reads every `*.rs` file of `dir` except `mod.rs`, in name order.
pub fn read_dir(dir: &Path) -> Result<Contract, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter(|p| p.file_name().is_some_and(|n| n != "mod.rs"))
        .collect();
    files.sort();
    let mut contract = Contract::default();
    for file in files {
        let module = file.file_stem().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&file)
            .map_err(|e| format!("reading {}: {e}", file.display()))?;
        read_module(&module, &source, &mut contract)
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(contract)
}

/// Adds the commands and events of one module's source.
pub fn read_module(module: &str, source: &str, out: &mut Contract) -> Result<(), String> {
    let file = syn::parse_file(source).map_err(|e| e.to_string())?;
    for item in file.items {
        match item {
            syn::Item::Fn(f) if is_command(&f.attrs) => out.commands.push(command(module, &f)?),
            syn::Item::Const(c) if c.ident.to_string().ends_with("_EVENT") => {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &*c.expr
                {
                    out.events.push(Event {
                        name: c.ident.to_string(),
                        value: s.value(),
                    });
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_command(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let segments: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        segments == ["tauri", "command"]
    })
}

fn doc_line(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value().trim().to_string()),
            _ => None,
        },
        _ => None,
    })
}

fn command(module: &str, f: &syn::ItemFn) -> Result<Command, String> {
    let name = f.sig.ident.to_string();
    let mut args = Vec::new();
    for input in &f.sig.inputs {
        let syn::FnArg::Typed(pt) = input else {
            return Err(format!("command `{name}` takes `self`"));
        };
        let syn::Pat::Ident(ident) = &*pt.pat else {
            return Err(format!(
                "command `{name}`: use a plain name for every parameter"
            ));
        };
        let head = last_segment(&pt.ty).map(|s| s.ident.to_string());
        if head.as_deref().is_some_and(|h| INJECTED.contains(&h)) {
            continue;
        }
        let rust_name = ident.ident.to_string();
        let kind = if head.as_deref() == Some("Channel") {
            ArgKind::Channel(ts_type(
                generic(&pt.ty, 0).ok_or("Channel without a type")?,
            )?)
        } else {
            ArgKind::Value(ts_type(&pt.ty)?)
        };
        args.push(Arg {
            js_name: camel_case(&rust_name),
            rust_name,
            rust_type: type_text(&pt.ty),
            kind,
        });
    }
    let returns = match &f.sig.output {
        syn::ReturnType::Default => "void".to_string(),
        syn::ReturnType::Type(_, ty) => match last_segment(ty) {
            Some(s) if s.ident == "Result" => {
                ts_type(generic(ty, 0).ok_or("Result without a type")?)?
            }
            _ => ts_type(ty)?,
        },
    };
    Ok(Command {
        module: module.to_string(),
        name,
        doc: doc_line(&f.attrs),
        args,
        returns,
    })
}

fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last(),
        _ => None,
    }
}

fn generic(ty: &syn::Type, index: usize) -> Option<&syn::Type> {
    let syn::PathArguments::AngleBracketed(a) = &last_segment(ty)?.arguments else {
        return None;
    };
    a.args
        .iter()
        .filter_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        })
        .nth(index)
}

fn type_text(ty: &syn::Type) -> String {
    let mut out = String::new();
    write_type(ty, &mut out);
    out
}

fn write_type(ty: &syn::Type, out: &mut String) {
    match ty {
        syn::Type::Path(p) => {
            for (i, s) in p.path.segments.iter().enumerate() {
                if i > 0 {
                    out.push_str("::");
                }
                out.push_str(&s.ident.to_string());
                if let syn::PathArguments::AngleBracketed(a) = &s.arguments {
                    out.push('<');
                    for (j, g) in a.args.iter().enumerate() {
                        if j > 0 {
                            out.push_str(", ");
                        }
                        if let syn::GenericArgument::Type(t) = g {
                            write_type(t, out);
                        } else {
                            out.push('_');
                        }
                    }
                    out.push('>');
                }
            }
        }
        syn::Type::Tuple(t) if t.elems.is_empty() => out.push_str("()"),
        _ => out.push('_'),
    }
}

/// The TypeScript of a Rust type as serde and ts-rs render it. Named types keep their name:
/// the generated file imports them from `bindings.ts`, so a type the UI does not know fails
/// the type check.
pub fn ts_type(ty: &syn::Type) -> Result<String, String> {
    if let syn::Type::Tuple(t) = ty
        && t.elems.is_empty()
    {
        return Ok("void".into());
    }
    let segment =
        last_segment(ty).ok_or_else(|| format!("unsupported type `{}`", type_text(ty)))?;
    let name = segment.ident.to_string();
    Ok(match name.as_str() {
        "String" | "str" => "string".into(),
        "bool" => "boolean".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "f32"
        | "f64" => "number".into(),
        "Vec" => {
            let inner = ts_type(generic(ty, 0).ok_or("Vec without a type")?)?;
            if inner.contains(' ') {
                format!("({inner})[]")
            } else {
                format!("{inner}[]")
            }
        }
        "Option" => format!(
            "{} | null",
            ts_type(generic(ty, 0).ok_or("Option without a type")?)?
        ),
        _ => name,
    })
}

/// `run_id` → `runId`, as Tauri names arguments on the wire.
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `allow-<command-with-dashes>`, the permission `tauri-build` generates for a command.
pub fn permission(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// The Rust source `build.rs` writes for `ipc/mod.rs` to include: the handler macro, the list
/// of names and the dispatch of the argument checks.
pub fn handler_source(contract: &Contract) -> String {
    let mut out = String::from("// Generated by build.rs from src/commands/*.rs. Do not edit.\n\n");
    out.push_str("/// The invoke handler of every command.\nmacro_rules! app_invoke_handler {\n    () => {\n        tauri::generate_handler![\n");
    for c in &contract.commands {
        let _ = writeln!(
            out,
            "            crate::commands::{}::{},",
            c.module, c.name
        );
    }
    out.push_str("        ]\n    };\n}\n\n");
    out.push_str("/// Every command name, in declaration order.\n#[allow(dead_code)]\npub const COMMAND_NAMES: &[&str] = &[\n");
    for c in &contract.commands {
        let _ = writeln!(out, "    {:?},", c.name);
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// Checks a command's JSON arguments against its parameter types.\n\
         pub fn check_args(command: &str, args: &serde_json::Value) -> Result<(), ArgError> {\n\
         \x20   match command {\n",
    );
    for c in contract.commands.iter().filter(|c| !c.args.is_empty()) {
        let _ = writeln!(
            out,
            "        {:?} => crate::commands::{}::ipc_checks::{}(args),",
            c.name, c.module, c.name
        );
    }
    out.push_str("        _ => Ok(()),\n    }\n}\n");
    out
}

/// The argument checks of one feature module, included at its end (inside it, so the
/// parameter types resolve as the functions name them).
pub fn module_checks_source(contract: &Contract, module: &str) -> String {
    let mut out = String::from(
        "// Generated by build.rs from this module's commands. Do not edit.\n\
         /// One check per command: each argument deserializes into its parameter type.\n\
         pub(crate) mod ipc_checks {\n    #[allow(unused_imports)]\n    use super::*;\n    use crate::ipc::args::{check, ArgError};\n",
    );
    for c in contract
        .commands
        .iter()
        .filter(|c| c.module == module && !c.args.is_empty())
    {
        let _ = writeln!(
            out,
            "\n    pub(crate) fn {}(args: &serde_json::Value) -> Result<(), ArgError> {{",
            c.name
        );
        for a in &c.args {
            let ty = match a.kind {
                ArgKind::Value(_) => a.rust_type.as_str(),
                ArgKind::Channel(_) => "tauri::ipc::JavaScriptChannelId",
            };
            let _ = writeln!(out, "        check::<{ty}>(args, {:?})?;", a.js_name);
        }
        out.push_str("        Ok(())\n    }\n");
    }
    out.push_str("}\n");
    out
}

/// `ui/src/lib/backend/commands.ts`: one typed function per command.
pub fn typescript(contract: &Contract) -> String {
    let mut types: Vec<String> = Vec::new();
    let mut note = |ts: &str| {
        for word in ts.split(|c: char| !c.is_alphanumeric() && c != '_') {
            if word.chars().next().is_some_and(char::is_uppercase)
                && !types.iter().any(|t| t == word)
            {
                types.push(word.to_string());
            }
        }
    };
    for c in &contract.commands {
        note(&c.returns);
        for a in &c.args {
            match &a.kind {
                ArgKind::Value(t) | ArgKind::Channel(t) => note(t),
            }
        }
    }
    types.sort();
    let uses_channel = contract
        .commands
        .iter()
        .any(|c| c.args.iter().any(|a| matches!(a.kind, ArgKind::Channel(_))));
    let mut out = String::from(
        "// Generated from the #[tauri::command] functions in src-tauri/src/commands. Do not edit by hand:\n\
         // UPDATE_BINDINGS=1 cargo test -p eipdesk ipc\n",
    );
    if uses_channel {
        out.push_str("import { Channel } from '@tauri-apps/api/core';\n");
    }
    out.push_str("import { call } from './transport';\n");
    if !types.is_empty() {
        let _ = writeln!(
            out,
            "import type {{ {} }} from './bindings';",
            types.join(", ")
        );
    }
    for e in &contract.events {
        let _ = write!(
            out,
            "\n/** The name of the `{}` event. */\nexport const {} = {:?};\n",
            e.value, e.name, e.value
        );
    }
    if uses_channel {
        out.push_str("\nfunction channel<T>(handler: (event: T) => void): Channel<T> {\n  const c = new Channel<T>();\n  c.onmessage = handler;\n  return c;\n}\n");
    }
    out.push_str("\n/** Every command of the backend, by name. */\nexport const commands = {\n");
    for c in &contract.commands {
        if let Some(doc) = &c.doc {
            let _ = writeln!(out, "  /** {doc} */");
        }
        let params: Vec<String> = c
            .args
            .iter()
            .map(|a| match &a.kind {
                ArgKind::Value(t) => format!("{}: {t}", a.js_name),
                ArgKind::Channel(t) => format!("{}: (event: {t}) => void", a.js_name),
            })
            .collect();
        let passed: Vec<String> = c
            .args
            .iter()
            .map(|a| match &a.kind {
                ArgKind::Value(_) => a.js_name.clone(),
                ArgKind::Channel(_) => format!("{0}: channel({0})", a.js_name),
            })
            .collect();
        let args = if passed.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", passed.join(", "))
        };
        let _ = writeln!(
            out,
            "  {}: ({}) => call<{}>({:?}{args}),",
            camel_case(&c.name),
            params.join(", "),
            c.returns,
            c.name
        );
    }
    out.push_str("};\n");
    out.replace('"', "'")
}

/// The permissions block of `capabilities/main.json`.
pub fn capability(contract: &Contract) -> String {
    let mut permissions = vec![
        "core:event:allow-listen".to_string(),
        "core:event:allow-unlisten".to_string(),
    ];
    permissions.extend(contract.commands.iter().map(|c| permission(&c.name)));
    let list: Vec<String> = permissions.iter().map(|p| format!("    {p:?}")).collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"main-window\",\n  \
         \"description\": \"What the main window may call: the app's own commands and event listening, nothing else. Generated by build.rs from src/commands; do not edit.\",\n  \
         \"windows\": [\"main\"],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        list.join(",\n")
    )
}
