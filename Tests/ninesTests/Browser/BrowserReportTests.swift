import Foundation
@testable import NinesKit
import Testing
import NinesTestSupport

/// The HTML report and the stack diagram in a real browser (headless Chromium) and the DOT output
/// in Graphviz, for every bundled model. Screenshots (and the page printed to PDF) stay in
/// `.build/test-artifacts/browser/` to look at. Skipped where the tools are missing, except on CI (`CI=true`), where `.ci/run`
/// installs them and their absence fails.
@Suite("Reports in Chromium and Graphviz", .serialized)
struct BrowserReportTests {
    static let artifacts = GoldenFiles.root.appendingPathComponent(".build/test-artifacts/browser")
    static let canRunChromium = (ExternalTool.chromium != nil || ExternalTool.required)
    static let canRunDot = (ExternalTool.dot != nil || ExternalTool.required)

    /// Measures what the page shows, once loaded: every component box of the stack diagram, the
    /// resources the page fetched and the errors it raised, written into the page for --dump-dom.
    static let probe = """
    <script>
    window.__errors = [];
    window.addEventListener('error', e => window.__errors.push(String(e.message || (e.target && (e.target.src || e.target.href)))), true);
    window.addEventListener('load', () => {
      const boxes = [...document.querySelectorAll('svg.stack-diagram g.component')].map(g => {
        const r = g.querySelector('rect.box').getBoundingClientRect();
        return { name: g.dataset.name, x: r.x, y: r.y, width: r.width, height: r.height };
      });
      const resources = performance.getEntriesByType('resource').map(e => e.name);
      const probe = document.createElement('pre');
      probe.id = 'probe';
      probe.textContent = JSON.stringify({ boxes, resources, errors: window.__errors, height: document.documentElement.scrollHeight });
      document.body.appendChild(probe);
    });
    </script>
    """

    struct Probe: Decodable {
        struct Box: Decodable {
            var name: String
            var x, y, width, height: Double
        }
        var boxes: [Box]
        var resources: [String]
        var errors: [String]
        var height: Double
    }

    /// `nines report MODEL --format html` with the model's worksheet and a short simulation, so
    /// every section is drawn.
    static func report(_ model: String, into directory: URL) throws -> URL {
        let output = directory.appendingPathComponent("\(model).html")
        var arguments = ["report", "models/\(model).yaml", "--format", "html", "-o", output.path, "--simulate", "--periods", "2000"]
        if FileManager.default.fileExists(atPath: GoldenFiles.root.appendingPathComponent("models/\(model).fmea.yaml").path) {
            arguments += ["--fmea", "models/\(model).fmea.yaml"]
        }
        let run = try NinesExecutable.run(arguments)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return output
    }

    static func components(_ model: String) throws -> [String] {
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent("models/\(model).yaml"), encoding: .utf8)
        return try ModelLoader.load(text: text, file: model).components.map(\.name)
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func chromium(_ arguments: [String]) throws -> ExternalTool.Run {
        let browser = try #require(ExternalTool.chromium, "chromium is not installed (apt-get install -y chromium)")
        return try browser.run(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-extensions",
                                "--no-first-run", "--virtual-time-budget=5000"] + arguments)
    }

    @Test("the HTML report loads in Chromium with every component, no overlapping boxes and no network use",
          .enabled(if: canRunChromium), arguments: GoldenFiles.models)
    func reportInChromium(model: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Self.report(model, into: directory)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("<script"), "the report needs no scripts")
        for reference in ["https://", "http://", "src=", "href=", "@import", "<link"] {
            let uses = html.components(separatedBy: reference).count - 1
            let allowed = reference == "http://" ? html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1 : 0
            #expect(uses == allowed, "\(model): '\(reference)' appears \(uses) times")
        }
        #expect(!html.replacingOccurrences(of: "url(#", with: "").contains("url("), "only in-page url(#…) references")

        // The page's own policy forbids every script, the probe included: with the policy kept the
        // probe must not run; the measuring copy leaves the policy out.
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLReportRenderer.contentSecurityPolicy)\">\n"
        #expect(html.contains(policy), "\(model): the page carries its Content-Security-Policy")
        let guarded = directory.appendingPathComponent("\(model)-guarded.html")
        try html.replacingOccurrences(of: "</body>", with: Self.probe + "\n</body>").write(to: guarded, atomically: true, encoding: .utf8)
        let blocked = try Self.chromium(["--dump-dom", guarded.absoluteString])
        #expect(blocked.status == 0 && blocked.stdout.contains("<footer>"), "chromium: \(blocked.stderr)")
        #expect(!blocked.stdout.contains("<pre id=\"probe\">"), "\(model): a script ran despite the page's policy")
        let probed = directory.appendingPathComponent("\(model)-probe.html")
        try html.replacingOccurrences(of: policy, with: "").replacingOccurrences(of: "</body>", with: Self.probe + "\n</body>")
            .write(to: probed, atomically: true, encoding: .utf8)
        let run = try Self.chromium(["--dump-dom", probed.absoluteString])
        #expect(run.status == 0, "chromium: \(run.stderr)")
        let json = try #require(run.stdout.firstMatch(of: /<pre id="probe">(.*?)<\/pre>/)?.1, "no probe output: \(run.stdout.prefix(300))")
        let text = String(json).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let probe = try JSONDecoder().decode(Probe.self, from: Data(text.utf8))
        #expect(probe.errors == [], "\(model): page errors")
        #expect(probe.resources == [], "\(model): the page fetched resources")

        let components = try Self.components(model)
        #expect(Set(probe.boxes.map(\.name)) == Set(components), "\(model): components in the diagram")
        #expect(probe.boxes.count == components.count)
        for (index, box) in probe.boxes.enumerated() {
            #expect(box.width > 100 && box.height > 40, "\(box.name) is drawn at \(box.width)×\(box.height)")
            for other in probe.boxes[(index + 1)...] {
                let overlapX = min(box.x + box.width, other.x + other.width) - max(box.x, other.x)
                let overlapY = min(box.y + box.height, other.y + other.height) - max(box.y, other.y)
                #expect(overlapX <= 0.5 || overlapY <= 0.5, "\(model): \(box.name) overlaps \(other.name)")
            }
        }

        // The screenshot, kept to look at: the whole page.
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let screenshot = Self.artifacts.appendingPathComponent("\(model).report.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try Self.chromium(["--window-size=1400,\(Int(probe.height))", "--screenshot=\(screenshot.path)", page.absoluteString])
        #expect(shot.status == 0, "chromium: \(shot.stderr)")
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "\(screenshot.path) is not a real screenshot")

        // Printable to PDF from the browser, as a report to hand on.
        let pdf = Self.artifacts.appendingPathComponent("\(model).report.pdf")
        try? FileManager.default.removeItem(at: pdf)
        let print = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
        #expect(print.status == 0, "chromium: \(print.stderr)")
        let document = try Data(contentsOf: pdf)
        #expect(document.starts(with: Array("%PDF".utf8)) && document.count > 20_000, "\(pdf.path) is not a real PDF")
    }

    @Test("the diagram's SVG alone renders in Chromium, screenshot kept", .enabled(if: canRunChromium), arguments: GoldenFiles.models)
    func diagramInChromium(model: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("\(model).svg")
        let run = try NinesExecutable.run(["diagram", "models/\(model).yaml", "-o", svg.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        let size = try #require(text.firstMatch(of: /width="([0-9.]+)" height="([0-9.]+)"/))
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let screenshot = Self.artifacts.appendingPathComponent("\(model).diagram.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try Self.chromium(["--window-size=\(Int(Double(size.1)!.rounded(.up))),\(Int(Double(size.2)!.rounded(.up)))",
                                      "--screenshot=\(screenshot.path)", svg.absoluteString])
        #expect(shot.status == 0, "chromium: \(shot.stderr)")
        #expect(try Data(contentsOf: screenshot).count > 10_000)
    }

    @Test("DOT output renders with Graphviz and shows every component", .enabled(if: canRunDot), arguments: GoldenFiles.models)
    func dotRendersInGraphviz(model: String) throws {
        let run = try NinesExecutable.run(["diagram", "models/\(model).yaml", "--format", "dot"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let dot = try #require(ExternalTool.dot, "graphviz is not installed (apt-get install -y graphviz)")
        let rendered = try dot.run(["-Tsvg"], input: run.stdout)
        #expect(rendered.status == 0, "dot: \(rendered.stderr)")
        #expect(rendered.stderr.isEmpty, "dot warnings: \(rendered.stderr)")
        #expect(rendered.stdout.contains("<svg"))
        let drawing = rendered.stdout.replacingOccurrences(of: "&#45;", with: "-")   // Graphviz writes '-' as an entity
        for component in try Self.components(model) {
            #expect(drawing.contains(">\(component)</text>"), "\(model): \(component) missing from Graphviz's drawing")
        }
        let mermaid = try NinesExecutable.run(["diagram", "models/\(model).yaml", "--format", "mermaid"])
        #expect(mermaid.stdout.hasPrefix("flowchart TB\n"))
    }
}
