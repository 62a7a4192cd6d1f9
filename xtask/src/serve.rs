//! A small static server: the demo blog on one origin, the widget files on another (as a CDN would).

use crate::{dist, root, say, Result};
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

fn respond(stream: TcpStream, site: &Site) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut stream = stream;
    let file = if matches!(method, "GET" | "HEAD") {
        resolve(&site.folder, target)
            .or_else(|| site.also.as_deref().and_then(|also| resolve(also, target)))
    } else {
        None
    };
    let (status, kind, body) = match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
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
    for (name, value) in extra_headers(site, target) {
        extra.push_str(&format!("{name}: {value}\r\n"));
    }
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    )?;
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

/// Starts the widget origin (dist/) and the page origin (www/demo), trying the given ports first.
pub fn start(dist: &Path, page_port: u16, widget_port: u16) -> Result<Servers> {
    let widget_listener = bind(widget_port)?;
    let widget = url(&widget_listener)?;
    spawn(
        widget_listener,
        Site {
            folder: dist.to_path_buf(),
            cors: true,
            widget_base: None,
            also: Some(root().join("www/demo/remote")),
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
        },
    );
    Ok(Servers { pages, widget })
}

/// `cargo xtask demo`: builds dist/ and serves the demo until interrupted.
pub fn demo() -> Result {
    let dist = dist::build()?;
    let servers = start(&dist, 8023, 8123)?;
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
