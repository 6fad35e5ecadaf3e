// A small design for the Yosys check (written for wasmtide): an 8-bit counter with enable and
// synchronous clear, a 4-operation ALU, and a three-state FSM that starts the counter on a
// "go" pulse and stops it once the count reaches a limit.

module counter #(parameter WIDTH = 8) (
  input  wire             clk,
  input  wire             rst,
  input  wire             en,
  input  wire             clear,
  output reg  [WIDTH-1:0] count
);
  always @(posedge clk) begin
    if (rst || clear) count <= {WIDTH{1'b0}};
    else if (en)      count <= count + 1'b1;
  end
endmodule

module alu (
  input  wire [1:0] op,
  input  wire [7:0] a,
  input  wire [7:0] b,
  output reg  [7:0] y,
  output wire       zero
);
  always @(*) begin
    case (op)
      2'd0:    y = a + b;
      2'd1:    y = a - b;
      2'd2:    y = a & b;
      default: y = a ^ b;
    endcase
  end
  assign zero = (y == 8'd0);
endmodule

module top (
  input  wire       clk,
  input  wire       rst,
  input  wire       go,
  input  wire [1:0] op,
  input  wire [7:0] operand,
  input  wire [7:0] limit,
  output wire [7:0] result,
  output wire       zero,
  output wire       busy,
  output wire       done
);
  localparam IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
  reg  [1:0] state;
  wire [7:0] count;

  always @(posedge clk) begin
    if (rst) state <= IDLE;
    else case (state)
      IDLE:    if (go) state <= RUN;
      RUN:     if (count == limit) state <= DONE;
      DONE:    if (!go) state <= IDLE;
      default: state <= IDLE;
    endcase
  end

  counter #(.WIDTH(8)) u_count (
    .clk(clk), .rst(rst), .en(state == RUN), .clear(state == IDLE && go), .count(count)
  );
  alu u_alu (.op(op), .a(count), .b(operand), .y(result), .zero(zero));

  assign busy = (state == RUN);
  assign done = (state == DONE);
endmodule
