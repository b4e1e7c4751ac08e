//! Paints drawings on a `<canvas>`: sharp at any pixel density, stroke by stroke, and
//! segment by segment while a stroke is being drawn, so a pointer move costs only the
//! new piece of line.

use crate::domain::draw::stroke::to_px;
use crate::domain::draw::{smooth_point, width, Drawing, Paper, Smooth, Stroke, Tool};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct Painter {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    /// The canvas's side in CSS pixels.
    side: f32,
}

impl Painter {
    pub fn new(canvas: HtmlCanvasElement) -> Option<Painter> {
        let ctx = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let mut painter = Painter {
            canvas,
            ctx,
            side: 0.0,
        };
        painter.fit();
        Some(painter)
    }

    /// Sizes the canvas's pixels to its size on screen times the device pixel ratio, so
    /// lines stay sharp. Clears it: paint the drawing again afterwards.
    pub fn fit(&mut self) {
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let side = self.canvas.get_bounding_client_rect().width();
        let pixels = (side * ratio).round().max(1.0) as u32;
        self.canvas.set_width(pixels);
        self.canvas.set_height(pixels);
        let _ = self.ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        self.ctx.set_line_cap("round");
        self.ctx.set_line_join("round");
        self.side = side as f32;
    }

    /// The canvas's side in CSS pixels.
    pub fn side(&self) -> f32 {
        self.side
    }

    /// Paints the whole drawing from scratch.
    pub fn paint(&self, drawing: &Drawing) {
        self.ctx.set_fill_style_str(drawing.paper.hex());
        let side = f64::from(self.side);
        self.ctx.fill_rect(0.0, 0.0, side, side);
        for stroke in &drawing.strokes {
            self.segments(stroke, 0, stroke.points.len(), drawing.paper);
        }
    }

    /// Paints the line through painted points `from..to` of `stroke` (each point joined
    /// to the one before it; a stroke of one point is a dot).
    pub fn segments(&self, stroke: &Stroke, from: usize, to: usize, paper: Paper) {
        let points = &stroke.points;
        let to = to.min(points.len());
        if from >= to {
            return;
        }
        let colour = match stroke.tool {
            Tool::Eraser => paper.hex(),
            _ => stroke.colour.hex(),
        };
        let ctx = &self.ctx;
        ctx.set_stroke_style_str(colour);
        let glow = stroke.tool == Tool::Glow;
        if glow {
            ctx.set_shadow_color(colour);
            ctx.set_global_alpha(0.75);
        }
        for i in from..to {
            let b = smooth_point(points, i);
            let a = if i == 0 {
                b
            } else {
                smooth_point(points, i - 1)
            };
            self.line(stroke, a, b, glow);
            if stroke.mirror {
                self.line(stroke, a.mirrored(), b.mirrored(), glow);
            }
        }
        if glow {
            ctx.set_shadow_blur(0.0);
            ctx.set_global_alpha(1.0);
        }
    }

    fn line(&self, stroke: &Stroke, a: Smooth, b: Smooth, glow: bool) {
        let ctx = &self.ctx;
        let px = |v: f32| f64::from(to_px(v, self.side));
        let w = px(width(stroke.size, (a.pressure + b.pressure) / 2.0));
        ctx.set_line_width(w);
        if glow {
            ctx.set_shadow_blur(w);
        }
        ctx.begin_path();
        ctx.move_to(px(a.x), px(a.y));
        // A dot: a line of no length still gets its round caps.
        ctx.line_to(px(b.x) + if a == b { 0.01 } else { 0.0 }, px(b.y));
        ctx.stroke();
    }

    /// The drawing as a PNG, for a download.
    pub fn png_data_url(&self) -> Result<String, JsValue> {
        self.canvas.to_data_url_with_type("image/png")
    }
}
