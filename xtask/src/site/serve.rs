//! A small static server: the demo blog on one origin, the widget files on another (as a CDN would).

use crate::build::dist;
use crate::shared::{root, say, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

/// One folder served over HTTP.
#[derive(Clone)]
pub struct Site {
    pub folder: PathBuf,
    /// Sends `Access-Control-Allow-Origin: *`, as a CDN does for cross-origin module and WASM fetches.
    pub cors: bool,
    /// The text that replaces `__WIDGET_BASE__` in HTML pages: the widget origin's URL.
    pub widget_base: Option<String>,
    /// Served too, where `folder` has no such file: the demo's course files on the widget
    /// origin, as an organiser would host a programme on another site.
    pub also: Option<PathBuf>,
    /// An installed npm package, served as a public npm CDN serves it: at
    /// `/npm/thing-prompts@<version>/` for any version or range asked for.
    pub npm: Option<PathBuf>,
}

/// The extra response headers a `_headers` file in the folder gives a request path, in the
/// format of Netlify's and Cloudflare Pages' `_headers`: a path line (exact, or ending in `*`
/// for every path that starts with it), then indented `Name: value` lines. `#` starts a comment.
/// `__WIDGET_ORIGIN__` in a value becomes the widget origin (no trailing slash), so a page can
/// send the Content-Security-Policy a blog would need for the widget's host.
fn extra_headers(site: &Site, request_path: &str) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(site.folder.join("_headers")) else {
        return Vec::new();
    };
    let path = request_path.split(['?', '#']).next().unwrap_or("/");
    let widget_origin = site
        .widget_base
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/');
    let mut headers = Vec::new();
    let mut applies = false;
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            let pattern = line.trim();
            applies = match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            };
        } else if applies {
            if let Some((name, value)) = line.trim().split_once(':') {
                headers.push((
                    name.trim().to_owned(),
                    value.trim().replace("__WIDGET_ORIGIN__", widget_origin),
                ));
            }
        }
    }
    headers
}

/// Serves `site` on `listener` from a background thread, one thread per connection.
pub fn spawn(listener: TcpListener, site: Site) {
    let site = Arc::new(site);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = site.clone();
            thread::spawn(move || {
                let _ = respond(stream, &site);
            });
        }
    });
}

/// Binds `127.0.0.1:port`, or any free port when that one is taken (or 0).
pub fn bind(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port))
        .or_else(|_| TcpListener::bind(("127.0.0.1", 0)))
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))
}

/// The URL a listener is reached at, ending in `/`.
pub fn url(listener: &TcpListener) -> Result<String> {
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    Ok(format!("http://{address}/"))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file inside the folder; None for anything that tries to leave it.
fn resolve(folder: &Path, request_path: &str) -> Option<PathBuf> {
    let path = request_path.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
        || relative == Path::new("_headers")
    {
        return None;
    }
    let mut file = folder.join(relative);
    if path.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// The path inside the npm package that a CDN-style request names:
/// `/npm/thing-prompts@0.1.0/thing-prompts.js` → `/thing-prompts.js`.
fn npm_path(request_path: &str) -> Option<&str> {
    let rest = request_path.strip_prefix("/npm/thing-prompts@")?;
    rest.find('/').map(|slash| &rest[slash..])
}

/// Whether a request names an exact release in its path, as a CDN's `thing-prompts@0.1.0/`
/// does (not a range such as `@0.1/`): the bytes there never change.
fn names_a_release(request_path: &str) -> bool {
    request_path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .filter_map(|segment| segment.split_once('@'))
        .any(|(_, version)| {
            let parts: Vec<&str> = version.split('.').collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether a request asks for a versioned URL: one with a `v=` query parameter, as the loader
/// gives this build's glue, WebAssembly and programme files (`?v=<build token>`). Such a URL
/// never names other bytes, so it may be cached for good.
fn versioned(request_path: &str) -> bool {
    request_path
        .split('#')
        .next()
        .and_then(|path| path.split_once('?'))
        .is_some_and(|(_, query)| query.split('&').any(|part| part.starts_with("v=")))
}

/// The caching a real host should give a response: a year, never revalidated, for a versioned
/// URL or one in an exact release's folder (a CDN's `thing-prompts@0.1.0/`); for any other (the loader itself at its moving URL, pages, programmes named by
/// address) a revalidation each time, answered 304 while the file is unchanged (see [`etag`]).
fn cache_control(request_path: &str) -> &'static str {
    if versioned(request_path) || names_a_release(request_path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// A strong validator of a response body: its length and a 64-bit hash of its bytes.
fn etag(body: &[u8]) -> String {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    format!("\"{:x}-{:016x}\"", body.len(), hasher.finish())
}

/// Whether an `If-None-Match` value names `tag` (or is `*`); weak validators match too.
fn matches(if_none_match: &str, tag: &str) -> bool {
    if_none_match
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == tag)
}

fn respond(stream: TcpStream, site: &Site) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut if_none_match = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_owned());
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut stream = stream;
    let file = if matches!(method, "GET" | "HEAD") {
        npm_path(target)
            .and_then(|inside| site.npm.as_deref().and_then(|npm| resolve(npm, inside)))
            .or_else(|| resolve(&site.folder, target))
            .or_else(|| site.also.as_deref().and_then(|also| resolve(also, target)))
    } else {
        None
    };
    let read = file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)));
    let found = read.is_some();
    let (status, kind, body) = match read {
        Some((file, mut body)) => {
            if let (Some(base), Some("html")) =
                (&site.widget_base, file.extension().and_then(|e| e.to_str()))
            {
                body = String::from_utf8_lossy(&body)
                    .replace("__WIDGET_BASE__", base)
                    .into_bytes();
            }
            ("200 OK", content_type(&file), body)
        }
        None => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n".to_vec(),
        ),
    };
    let mut extra = String::new();
    if site.cors {
        extra.push_str("Access-Control-Allow-Origin: *\r\n");
    }
    let headers = extra_headers(site, target);
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("cache-control"))
    {
        let cache = if found {
            cache_control(target)
        } else {
            "no-cache"
        };
        extra.push_str(&format!("Cache-Control: {cache}\r\n"));
    }
    for (name, value) in headers {
        extra.push_str(&format!("{name}: {value}\r\n"));
    }
    if !found {
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
            body.len()
        )?;
    } else {
        let tag = etag(&body);
        if if_none_match.is_some_and(|value| matches(&value, &tag)) {
            // Unchanged since the browser's copy: no body (RFC 9110, 15.4.5).
            write!(
                stream,
                "HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\n{extra}Connection: close\r\n\r\n"
            )?;
            return stream.flush();
        }
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nETag: {tag}\r\n{extra}Connection: close\r\n\r\n",
            body.len()
        )?;
    }
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Both origins of the demo: the blog pages and the widget files.
pub struct Servers {
    pub pages: String,
    pub widget: String,
}

/// Starts the widget origin (dist/, and the installed npm package `npm` at `/npm/…`) and the page
/// origin (www/demo), trying the given ports first.
pub fn start(dist: &Path, npm: Option<&Path>, page_port: u16, widget_port: u16) -> Result<Servers> {
    let widget_listener = bind(widget_port)?;
    let widget = url(&widget_listener)?;
    spawn(
        widget_listener,
        Site {
            folder: dist.to_path_buf(),
            cors: true,
            widget_base: None,
            also: Some(root().join("www/demo/remote")),
            npm: npm.map(Path::to_path_buf),
        },
    );
    let page_listener = bind(page_port)?;
    let pages = url(&page_listener)?;
    spawn(
        page_listener,
        Site {
            folder: root().join("www/demo"),
            cors: false,
            widget_base: Some(widget.clone()),
            also: None,
            npm: None,
        },
    );
    Ok(Servers { pages, widget })
}

/// `cargo xtask demo`: builds dist/ and serves the demo until interrupted.
pub fn demo() -> Result {
    let dist = dist::build()?;
    let servers = start(&dist, None, 8023, 8123)?;
    say(&format!("widget files (the \"CDN\") at {}", servers.widget));
    println!();
    println!("  Thing Prompts demo: {}", servers.pages);
    println!();
    let pages = [
        (
            "blogger-post.html",
            "Blogger-style post, with a \"this week's Thing\" sidebar",
        ),
        (
            "wordpress-front.html",
            "WordPress-style front page, three posts with widgets",
        ),
        (
            "inline-post.html",
            "a participant's post with their own questions (inline mode)",
        ),
        (
            "organiser-sidebar.html",
            "an organiser's own course, loaded by URL from the widget origin, with an overview",
        ),
        (
            "json-programme-post.html",
            "a course given as a JSON block on the page",
        ),
        (
            "hostile-reset.html",
            "a theme with aggressive resets and home-made checkboxes",
        ),
        (
            "hostile-dark.html",
            "a dark theme with light text and !important everywhere",
        ),
        ("dark-switch.html", "a dark-mode switch, followed live"),
        (
            "csp-post.html",
            "a blog with a strict Content-Security-Policy (www/demo/_headers)",
        ),
    ];
    for (page, what) in pages {
        println!("  {}{page:<26}{what}", servers.pages);
    }
    println!();
    println!(
        "  Configurator (choose the options, copy the snippet): {}configure.html",
        servers.widget
    );
    println!();
    say("serving; press Ctrl-C to stop");
    loop {
        thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::{bind, spawn, url, Site};
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::path::PathBuf;

    /// A folder of its own under the system's temporary folder, filled with `files`.
    fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        dir
    }

    /// Serves `site` on a free port and returns its address (`127.0.0.1:<port>`).
    fn serve(site: Site) -> String {
        let listener = bind(0).unwrap();
        let address = url(&listener).unwrap();
        spawn(listener, site);
        address
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned()
    }

    /// One request; returns the status line, the headers (names in lower case) and the body.
    fn ask(address: &str, method: &str, target: &str) -> (String, Vec<(String, String)>, String) {
        ask_with(address, method, target, "")
    }

    /// One request with extra header lines (each ending in `\r\n`).
    fn ask_with(
        address: &str,
        method: &str,
        target: &str,
        headers: &str,
    ) -> (String, Vec<(String, String)>, String) {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: {address}\r\n{headers}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().to_owned();
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        (status, headers, body.to_owned())
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn the_widget_origin_serves_files_with_their_type_and_cors() {
        let dist = folder(
            "widget",
            &[
                ("w.wasm", "\0asm"),
                ("w.js", "export {};"),
                ("sub/index.html", "<p>"),
            ],
        );
        let remote = folder("remote", &[("course.json", "{}"), ("w.js", "other")]);
        let address = serve(Site {
            folder: dist,
            cors: true,
            widget_base: None,
            also: Some(remote),
            npm: None,
        });

        let (status, headers, body) = ask(&address, "GET", "/w.wasm?v=0123abcd");
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(body, "\0asm");
        assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
        assert_eq!(header(&headers, "content-length"), Some("4"));
        assert_eq!(
            header(&headers, "cache-control"),
            Some("public, max-age=31536000, immutable"),
            "a versioned URL is cached for good"
        );
        assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));

        let (_, headers, body) = ask(&address, "GET", "/w.js");
        assert_eq!(
            header(&headers, "cache-control"),
            Some("no-cache"),
            "the loader's own URL moves from release to release: revalidated"
        );
        assert_eq!(
            body, "export {};",
            "the folder's own file comes before `also`'s"
        );
        assert_eq!(
            header(&headers, "content-type"),
            Some("text/javascript; charset=utf-8")
        );
        let (_, headers, body) = ask(&address, "GET", "/course.json");
        assert_eq!(body, "{}", "a file only `also` has is served too");
        assert_eq!(header(&headers, "content-type"), Some("application/json"));
        assert_eq!(ask(&address, "GET", "/sub/").2, "<p>");
        assert_eq!(ask(&address, "GET", "/sub").2, "<p>");

        let (status, headers, body) = ask(&address, "HEAD", "/w.js");
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(header(&headers, "content-length"), Some("10"));
        assert_eq!(body, "", "HEAD has no body");

        for target in ["/missing.json", "/../remote/course.json", "/sub/../w.js"] {
            let (status, headers, body) = ask(&address, "GET", target);
            assert_eq!(status, "HTTP/1.1 404 Not Found", "{target}");
            assert_eq!(body, "not found\n", "{target}");
            assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
        }
        assert_eq!(ask(&address, "POST", "/w.js").0, "HTTP/1.1 404 Not Found");
    }

    #[test]
    fn an_unchanged_file_is_answered_304_to_its_etag() {
        let dist = folder("etag", &[("w.js", "export {};"), ("w.wasm", "\0asm")]);
        let address = serve(Site {
            folder: dist.clone(),
            cors: true,
            widget_base: None,
            also: None,
            npm: None,
        });
        let (status, headers, _) = ask(&address, "GET", "/w.js");
        assert_eq!(status, "HTTP/1.1 200 OK");
        let tag = header(&headers, "etag").unwrap().to_owned();
        assert!(tag.starts_with('"') && tag.ends_with('"'), "{tag}");
        assert_ne!(
            Some(tag.as_str()),
            header(&ask(&address, "GET", "/w.wasm").1, "etag"),
            "another file, another tag"
        );

        let (status, headers, body) = ask_with(
            &address,
            "GET",
            "/w.js",
            &format!("If-None-Match: {tag}\r\n"),
        );
        assert_eq!(status, "HTTP/1.1 304 Not Modified");
        assert_eq!(body, "");
        assert_eq!(header(&headers, "etag"), Some(tag.as_str()));
        assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
        assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
        assert_eq!(header(&headers, "content-length"), None);

        let weak = format!("If-None-Match: \"other\", W/{tag}\r\n");
        assert_eq!(
            ask_with(&address, "GET", "/w.js?v=1", &weak).0,
            "HTTP/1.1 304 Not Modified"
        );
        assert_eq!(
            ask_with(&address, "GET", "/w.js", "If-None-Match: \"other\"\r\n").0,
            "HTTP/1.1 200 OK"
        );

        std::fs::write(dist.join("w.js"), "export { changed };").unwrap();
        let (status, headers, body) = ask_with(
            &address,
            "GET",
            "/w.js",
            &format!("If-None-Match: {tag}\r\n"),
        );
        assert_eq!(status, "HTTP/1.1 200 OK", "a changed file is sent again");
        assert_eq!(body, "export { changed };");
        assert_ne!(header(&headers, "etag"), Some(tag.as_str()));

        let (status, headers, _) = ask_with(&address, "GET", "/gone.js", "If-None-Match: *\r\n");
        assert_eq!(status, "HTTP/1.1 404 Not Found");
        assert_eq!(header(&headers, "etag"), None);
    }

    #[test]
    fn only_a_v_parameter_makes_a_url_versioned() {
        for (path, versioned) in [
            ("/w.wasm?v=0123abcd", true),
            ("/p/12.json?x=1&v=0123abcd", true),
            ("/w.js?v=1#top", true),
            ("/w.js", false),
            ("/w.js?version=1", false),
            ("/w.js#v=1", false),
            ("/v=1/w.js", false),
        ] {
            assert_eq!(super::versioned(path), versioned, "{path}");
        }
    }

    #[test]
    fn an_exact_release_in_the_path_is_cached_for_good_and_a_range_is_not() {
        for (path, release) in [
            ("/npm/thing-prompts@0.1.0/thing-prompts.js", true),
            ("/npm/thing-prompts@10.20.30/programmes/x.json?v=1", true),
            ("/npm/thing-prompts@0.1/thing-prompts.js", false),
            ("/npm/thing-prompts@0.1.0-beta/thing-prompts.js", false),
            ("/npm/thing-prompts/thing-prompts.js", false),
            ("/thing-prompts.js?at=@0.1.0/", false),
        ] {
            assert_eq!(super::names_a_release(path), release, "{path}");
        }
    }

    #[test]
    fn the_npm_package_is_served_at_any_version_of_its_cdn_path() {
        let dist = folder("npm-dist", &[("thing-prompts.js", "dist")]);
        let package = folder("npm-package", &[("thing-prompts.js", "package")]);
        let address = serve(Site {
            folder: dist,
            cors: true,
            widget_base: None,
            also: None,
            npm: Some(package),
        });
        let (status, headers, body) =
            ask(&address, "GET", "/npm/thing-prompts@0.1.0/thing-prompts.js");
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(body, "package");
        assert_eq!(
            header(&headers, "cache-control"),
            Some("public, max-age=31536000, immutable")
        );
        let (_, headers, body) = ask(&address, "GET", "/npm/thing-prompts@0.1/thing-prompts.js");
        assert_eq!(body, "package", "a range is served too");
        assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
        assert_eq!(ask(&address, "GET", "/thing-prompts.js").2, "dist");
        assert_eq!(
            ask(&address, "GET", "/npm/thing-prompts@0.1.0/../x").0,
            "HTTP/1.1 404 Not Found"
        );
    }

    #[test]
    fn the_page_origin_fills_in_the_widget_base_and_sends_the_headers_file() {
        let pages = folder(
            "pages",
            &[
                ("post.html", "<script src=\"__WIDGET_BASE__w.js\"></script>"),
                ("csp.html", "<p>"),
                ("notes.txt", "__WIDGET_BASE__"),
                (
                    "_headers",
                    "# comment\n/csp.html\n  Content-Security-Policy: script-src __WIDGET_ORIGIN__\n  X-Content-Type-Options: nosniff\n/other/*\n  X-Other: yes\n",
                ),
            ],
        );
        let address = serve(Site {
            folder: pages,
            cors: false,
            widget_base: Some("http://127.0.0.1:9/".to_owned()),
            also: None,
            npm: None,
        });

        let (_, headers, body) = ask(&address, "GET", "/post.html");
        assert_eq!(body, "<script src=\"http://127.0.0.1:9/w.js\"></script>");
        assert_eq!(
            header(&headers, "content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(header(&headers, "access-control-allow-origin"), None);
        assert_eq!(header(&headers, "content-security-policy"), None);
        assert_eq!(ask(&address, "GET", "/notes.txt").2, "__WIDGET_BASE__");

        let (_, headers, _) = ask(&address, "GET", "/csp.html?x=1");
        assert_eq!(
            header(&headers, "content-security-policy"),
            Some("script-src http://127.0.0.1:9")
        );
        assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"));
        assert_eq!(header(&headers, "x-other"), None);
        assert_eq!(
            ask(&address, "GET", "/_headers").0,
            "HTTP/1.1 404 Not Found",
            "the headers file itself is not served"
        );
    }
}
