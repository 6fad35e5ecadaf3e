#!/usr/bin/env python3
"""Generates packages/parser/src/opcodes.ts, the single opcode table (code, name, immediates,
fixed signature, natural alignment). Edit the table here and re-run; do not edit the output."""
import os, re
T = []  # (code, name, imm, sig, align)
def op(code, name, imm='none', sig=None, align=-1): T.append((code, name, imm, sig, align))
P = lambda pre, sub: pre * 0x1000 + sub

# --- control and parametric
for c, n, imm in [(0x00,'unreachable','none'),(0x01,'nop','none'),(0x02,'block','block'),(0x03,'loop','block'),
    (0x04,'if','block'),(0x05,'else','none'),(0x06,'try','block'),(0x07,'catch','tag'),(0x08,'throw','tag'),
    (0x09,'rethrow','label'),(0x0A,'throw_ref','none'),(0x0B,'end','none'),(0x0C,'br','label'),(0x0D,'br_if','label'),
    (0x0E,'br_table','br_table'),(0x0F,'return','none'),(0x10,'call','func'),(0x11,'call_indirect','call_indirect'),
    (0x12,'return_call','func'),(0x13,'return_call_indirect','call_indirect'),(0x14,'call_ref','type'),
    (0x15,'return_call_ref','type'),(0x18,'delegate','label'),(0x19,'catch_all','none'),(0x1A,'drop','none'),
    (0x1B,'select','none'),(0x1C,'select_t','select_t'),(0x1F,'try_table','try_table'),
    (0x20,'local.get','local'),(0x21,'local.set','local'),(0x22,'local.tee','local'),(0x23,'global.get','global'),
    (0x24,'global.set','global'),(0x25,'table.get','table'),(0x26,'table.set','table')]:
    op(c, n, imm)
# --- memory
for c, n, al in [(0x28,'i32.load',2),(0x29,'i64.load',3),(0x2A,'f32.load',2),(0x2B,'f64.load',3),(0x2C,'i32.load8_s',0),
    (0x2D,'i32.load8_u',0),(0x2E,'i32.load16_s',1),(0x2F,'i32.load16_u',1),(0x30,'i64.load8_s',0),(0x31,'i64.load8_u',0),
    (0x32,'i64.load16_s',1),(0x33,'i64.load16_u',1),(0x34,'i64.load32_s',2),(0x35,'i64.load32_u',2)]:
    op(c, n, 'memarg', None, al)
for c, n, al in [(0x36,'i32.store',2),(0x37,'i64.store',3),(0x38,'f32.store',2),(0x39,'f64.store',3),(0x3A,'i32.store8',0),
    (0x3B,'i32.store16',1),(0x3C,'i64.store8',0),(0x3D,'i64.store16',1),(0x3E,'i64.store32',2)]:
    op(c, n, 'memarg', None, al)
op(0x3F,'memory.size','mem'); op(0x40,'memory.grow','mem')
op(0x41,'i32.const','i32',':i'); op(0x42,'i64.const','i64',':I'); op(0x43,'f32.const','f32',':f'); op(0x44,'f64.const','f64',':F')
# --- numeric
def cmp(base, ty, names):
    for i, n in enumerate(names): op(base+i, f'{ty}.{n}', 'none', {'i32':'ii:i','i64':'II:i','f32':'ff:i','f64':'FF:i'}[ty])
op(0x45,'i32.eqz','none','i:i'); cmp(0x46,'i32',['eq','ne','lt_s','lt_u','gt_s','gt_u','le_s','le_u','ge_s','ge_u'])
op(0x50,'i64.eqz','none','I:i'); cmp(0x51,'i64',['eq','ne','lt_s','lt_u','gt_s','gt_u','le_s','le_u','ge_s','ge_u'])
cmp(0x5B,'f32',['eq','ne','lt','gt','le','ge']); cmp(0x61,'f64',['eq','ne','lt','gt','le','ge'])
def arith(base, ty, un, bi):
    t = {'i32':'i','i64':'I','f32':'f','f64':'F'}[ty]
    i = base
    for n in un: op(i, f'{ty}.{n}', 'none', f'{t}:{t}'); i += 1
    for n in bi: op(i, f'{ty}.{n}', 'none', f'{t}{t}:{t}'); i += 1
ibin = ['add','sub','mul','div_s','div_u','rem_s','rem_u','and','or','xor','shl','shr_s','shr_u','rotl','rotr']
arith(0x67,'i32',['clz','ctz','popcnt'],ibin); arith(0x79,'i64',['clz','ctz','popcnt'],ibin)
fun = ['abs','neg','ceil','floor','trunc','nearest','sqrt']; fbin = ['add','sub','mul','div','min','max','copysign']
arith(0x8B,'f32',fun,fbin); arith(0x99,'f64',fun,fbin)
for c, n, s in [(0xA7,'i32.wrap_i64','I:i'),(0xA8,'i32.trunc_f32_s','f:i'),(0xA9,'i32.trunc_f32_u','f:i'),(0xAA,'i32.trunc_f64_s','F:i'),
    (0xAB,'i32.trunc_f64_u','F:i'),(0xAC,'i64.extend_i32_s','i:I'),(0xAD,'i64.extend_i32_u','i:I'),(0xAE,'i64.trunc_f32_s','f:I'),
    (0xAF,'i64.trunc_f32_u','f:I'),(0xB0,'i64.trunc_f64_s','F:I'),(0xB1,'i64.trunc_f64_u','F:I'),(0xB2,'f32.convert_i32_s','i:f'),
    (0xB3,'f32.convert_i32_u','i:f'),(0xB4,'f32.convert_i64_s','I:f'),(0xB5,'f32.convert_i64_u','I:f'),(0xB6,'f32.demote_f64','F:f'),
    (0xB7,'f64.convert_i32_s','i:F'),(0xB8,'f64.convert_i32_u','i:F'),(0xB9,'f64.convert_i64_s','I:F'),(0xBA,'f64.convert_i64_u','I:F'),
    (0xBB,'f64.promote_f32','f:F'),(0xBC,'i32.reinterpret_f32','f:i'),(0xBD,'i64.reinterpret_f64','F:I'),(0xBE,'f32.reinterpret_i32','i:f'),
    (0xBF,'f64.reinterpret_i64','I:F'),(0xC0,'i32.extend8_s','i:i'),(0xC1,'i32.extend16_s','i:i'),(0xC2,'i64.extend8_s','I:I'),
    (0xC3,'i64.extend16_s','I:I'),(0xC4,'i64.extend32_s','I:I')]:
    op(c, n, 'none', s)
# --- references
op(0xD0,'ref.null','heaptype'); op(0xD1,'ref.is_null'); op(0xD2,'ref.func','func'); op(0xD3,'ref.eq')
op(0xD4,'ref.as_non_null'); op(0xD5,'br_on_null','label'); op(0xD6,'br_on_non_null','label')
# --- 0xFB: GC
G = lambda s: P(0xFB, s)
for s, n, imm in [(0,'struct.new','type'),(1,'struct.new_default','type'),(2,'struct.get','type_field'),(3,'struct.get_s','type_field'),
    (4,'struct.get_u','type_field'),(5,'struct.set','type_field'),(6,'array.new','type'),(7,'array.new_default','type'),
    (8,'array.new_fixed','type_count'),(9,'array.new_data','type_data'),(10,'array.new_elem','type_elem'),(11,'array.get','type'),
    (12,'array.get_s','type'),(13,'array.get_u','type'),(14,'array.set','type'),(15,'array.len','none'),(16,'array.fill','type'),
    (17,'array.copy','type_type'),(18,'array.init_data','type_data'),(19,'array.init_elem','type_elem'),
    (20,'ref.test','heaptype'),(21,'ref.test_null','heaptype'),(22,'ref.cast','heaptype'),(23,'ref.cast_null','heaptype'),
    (24,'br_on_cast','br_on_cast'),(25,'br_on_cast_fail','br_on_cast'),(26,'any.convert_extern','none'),
    (27,'extern.convert_any','none'),(28,'ref.i31','none'),(29,'i31.get_s','none'),(30,'i31.get_u','none')]:
    op(G(s), n, imm)
# --- 0xFB: custom-descriptors proposal (ref.cast_desc_eq_null is the text form `ref.cast_desc_eq (ref null ht)`)
for s, n, imm in [(32,'struct.new_desc','type'),(33,'struct.new_default_desc','type'),(34,'ref.get_desc','type'),
    (35,'ref.cast_desc_eq','heaptype'),(36,'ref.cast_desc_eq_null','heaptype'),
    (37,'br_on_cast_desc_eq','br_on_cast'),(38,'br_on_cast_desc_eq_fail','br_on_cast')]:
    op(G(s), n, imm)
# --- 0xFC: saturating truncation, bulk memory, tables, wide arithmetic
M = lambda s: P(0xFC, s)
for s, n, sig in [(0,'i32.trunc_sat_f32_s','f:i'),(1,'i32.trunc_sat_f32_u','f:i'),(2,'i32.trunc_sat_f64_s','F:i'),(3,'i32.trunc_sat_f64_u','F:i'),
    (4,'i64.trunc_sat_f32_s','f:I'),(5,'i64.trunc_sat_f32_u','f:I'),(6,'i64.trunc_sat_f64_s','F:I'),(7,'i64.trunc_sat_f64_u','F:I')]:
    op(M(s), n, 'none', sig)
for s, n, imm in [(8,'memory.init','data_mem'),(9,'data.drop','data'),(10,'memory.copy','mem_mem'),(11,'memory.fill','mem'),
    (12,'table.init','elem_table'),(13,'elem.drop','elem'),(14,'table.copy','table_table'),(15,'table.grow','table'),
    (16,'table.size','table'),(17,'table.fill','table')]:
    op(M(s), n, imm)
op(M(19),'i64.add128','none','IIII:II'); op(M(20),'i64.sub128','none','IIII:II')
op(M(21),'i64.mul_wide_s','none','II:II'); op(M(22),'i64.mul_wide_u','none','II:II')
# --- 0xFD: SIMD and relaxed SIMD
S = lambda s: P(0xFD, s)
for s, n, al in [(0,'v128.load',4),(1,'v128.load8x8_s',3),(2,'v128.load8x8_u',3),(3,'v128.load16x4_s',3),(4,'v128.load16x4_u',3),
    (5,'v128.load32x2_s',3),(6,'v128.load32x2_u',3),(7,'v128.load8_splat',0),(8,'v128.load16_splat',1),(9,'v128.load32_splat',2),
    (10,'v128.load64_splat',3),(11,'v128.store',4),(92,'v128.load32_zero',2),(93,'v128.load64_zero',3)]:
    op(S(s), n, 'memarg', None, al)
op(S(12),'v128.const','v128',':v'); op(S(13),'i8x16.shuffle','shuffle','vv:v'); op(S(14),'i8x16.swizzle','none','vv:v')
for s, n, t in [(15,'i8x16.splat','i'),(16,'i16x8.splat','i'),(17,'i32x4.splat','i'),(18,'i64x2.splat','I'),(19,'f32x4.splat','f'),(20,'f64x2.splat','F')]:
    op(S(s), n, 'none', f'{t}:v')
for s, n, sig in [(21,'i8x16.extract_lane_s','v:i'),(22,'i8x16.extract_lane_u','v:i'),(23,'i8x16.replace_lane','vi:v'),
    (24,'i16x8.extract_lane_s','v:i'),(25,'i16x8.extract_lane_u','v:i'),(26,'i16x8.replace_lane','vi:v'),(27,'i32x4.extract_lane','v:i'),
    (28,'i32x4.replace_lane','vi:v'),(29,'i64x2.extract_lane','v:I'),(30,'i64x2.replace_lane','vI:v'),(31,'f32x4.extract_lane','v:f'),
    (32,'f32x4.replace_lane','vf:v'),(33,'f64x2.extract_lane','v:F'),(34,'f64x2.replace_lane','vF:v')]:
    op(S(s), n, 'lane', sig)
icmp = ['eq','ne','lt_s','lt_u','gt_s','gt_u','le_s','le_u','ge_s','ge_u']
for i, n in enumerate(icmp): op(S(35+i), f'i8x16.{n}', 'none', 'vv:v')
for i, n in enumerate(icmp): op(S(45+i), f'i16x8.{n}', 'none', 'vv:v')
for i, n in enumerate(icmp): op(S(55+i), f'i32x4.{n}', 'none', 'vv:v')
for i, n in enumerate(['eq','ne','lt','gt','le','ge']): op(S(65+i), f'f32x4.{n}', 'none', 'vv:v')
for i, n in enumerate(['eq','ne','lt','gt','le','ge']): op(S(71+i), f'f64x2.{n}', 'none', 'vv:v')
op(S(77),'v128.not','none','v:v'); op(S(78),'v128.and','none','vv:v'); op(S(79),'v128.andnot','none','vv:v')
op(S(80),'v128.or','none','vv:v'); op(S(81),'v128.xor','none','vv:v'); op(S(82),'v128.bitselect','none','vvv:v'); op(S(83),'v128.any_true','none','v:i')
for s, n, al in [(84,'v128.load8_lane',0),(85,'v128.load16_lane',1),(86,'v128.load32_lane',2),(87,'v128.load64_lane',3),
    (88,'v128.store8_lane',0),(89,'v128.store16_lane',1),(90,'v128.store32_lane',2),(91,'v128.store64_lane',3)]:
    op(S(s), n, 'memarg_lane', None, al)
SIMD = {
 94:('f32x4.demote_f64x2_zero','v:v'),95:('f64x2.promote_low_f32x4','v:v'),
 96:('i8x16.abs','v:v'),97:('i8x16.neg','v:v'),98:('i8x16.popcnt','v:v'),99:('i8x16.all_true','v:i'),100:('i8x16.bitmask','v:i'),
 101:('i8x16.narrow_i16x8_s','vv:v'),102:('i8x16.narrow_i16x8_u','vv:v'),103:('f32x4.ceil','v:v'),104:('f32x4.floor','v:v'),
 105:('f32x4.trunc','v:v'),106:('f32x4.nearest','v:v'),107:('i8x16.shl','vi:v'),108:('i8x16.shr_s','vi:v'),109:('i8x16.shr_u','vi:v'),
 110:('i8x16.add','vv:v'),111:('i8x16.add_sat_s','vv:v'),112:('i8x16.add_sat_u','vv:v'),113:('i8x16.sub','vv:v'),
 114:('i8x16.sub_sat_s','vv:v'),115:('i8x16.sub_sat_u','vv:v'),116:('f64x2.ceil','v:v'),117:('f64x2.floor','v:v'),
 118:('i8x16.min_s','vv:v'),119:('i8x16.min_u','vv:v'),120:('i8x16.max_s','vv:v'),121:('i8x16.max_u','vv:v'),122:('f64x2.trunc','v:v'),
 123:('i8x16.avgr_u','vv:v'),124:('i16x8.extadd_pairwise_i8x16_s','v:v'),125:('i16x8.extadd_pairwise_i8x16_u','v:v'),
 126:('i32x4.extadd_pairwise_i16x8_s','v:v'),127:('i32x4.extadd_pairwise_i16x8_u','v:v'),
 128:('i16x8.abs','v:v'),129:('i16x8.neg','v:v'),130:('i16x8.q15mulr_sat_s','vv:v'),131:('i16x8.all_true','v:i'),132:('i16x8.bitmask','v:i'),
 133:('i16x8.narrow_i32x4_s','vv:v'),134:('i16x8.narrow_i32x4_u','vv:v'),135:('i16x8.extend_low_i8x16_s','v:v'),
 136:('i16x8.extend_high_i8x16_s','v:v'),137:('i16x8.extend_low_i8x16_u','v:v'),138:('i16x8.extend_high_i8x16_u','v:v'),
 139:('i16x8.shl','vi:v'),140:('i16x8.shr_s','vi:v'),141:('i16x8.shr_u','vi:v'),142:('i16x8.add','vv:v'),143:('i16x8.add_sat_s','vv:v'),
 144:('i16x8.add_sat_u','vv:v'),145:('i16x8.sub','vv:v'),146:('i16x8.sub_sat_s','vv:v'),147:('i16x8.sub_sat_u','vv:v'),
 148:('f64x2.nearest','v:v'),149:('i16x8.mul','vv:v'),150:('i16x8.min_s','vv:v'),151:('i16x8.min_u','vv:v'),152:('i16x8.max_s','vv:v'),
 153:('i16x8.max_u','vv:v'),155:('i16x8.avgr_u','vv:v'),156:('i16x8.extmul_low_i8x16_s','vv:v'),157:('i16x8.extmul_high_i8x16_s','vv:v'),
 158:('i16x8.extmul_low_i8x16_u','vv:v'),159:('i16x8.extmul_high_i8x16_u','vv:v'),
 160:('i32x4.abs','v:v'),161:('i32x4.neg','v:v'),163:('i32x4.all_true','v:i'),164:('i32x4.bitmask','v:i'),
 167:('i32x4.extend_low_i16x8_s','v:v'),168:('i32x4.extend_high_i16x8_s','v:v'),169:('i32x4.extend_low_i16x8_u','v:v'),
 170:('i32x4.extend_high_i16x8_u','v:v'),171:('i32x4.shl','vi:v'),172:('i32x4.shr_s','vi:v'),173:('i32x4.shr_u','vi:v'),
 174:('i32x4.add','vv:v'),177:('i32x4.sub','vv:v'),181:('i32x4.mul','vv:v'),182:('i32x4.min_s','vv:v'),183:('i32x4.min_u','vv:v'),
 184:('i32x4.max_s','vv:v'),185:('i32x4.max_u','vv:v'),186:('i32x4.dot_i16x8_s','vv:v'),188:('i32x4.extmul_low_i16x8_s','vv:v'),
 189:('i32x4.extmul_high_i16x8_s','vv:v'),190:('i32x4.extmul_low_i16x8_u','vv:v'),191:('i32x4.extmul_high_i16x8_u','vv:v'),
 192:('i64x2.abs','v:v'),193:('i64x2.neg','v:v'),195:('i64x2.all_true','v:i'),196:('i64x2.bitmask','v:i'),
 199:('i64x2.extend_low_i32x4_s','v:v'),200:('i64x2.extend_high_i32x4_s','v:v'),201:('i64x2.extend_low_i32x4_u','v:v'),
 202:('i64x2.extend_high_i32x4_u','v:v'),203:('i64x2.shl','vi:v'),204:('i64x2.shr_s','vi:v'),205:('i64x2.shr_u','vi:v'),
 206:('i64x2.add','vv:v'),209:('i64x2.sub','vv:v'),213:('i64x2.mul','vv:v'),214:('i64x2.eq','vv:v'),215:('i64x2.ne','vv:v'),
 216:('i64x2.lt_s','vv:v'),217:('i64x2.gt_s','vv:v'),218:('i64x2.le_s','vv:v'),219:('i64x2.ge_s','vv:v'),
 220:('i64x2.extmul_low_i32x4_s','vv:v'),221:('i64x2.extmul_high_i32x4_s','vv:v'),222:('i64x2.extmul_low_i32x4_u','vv:v'),
 223:('i64x2.extmul_high_i32x4_u','vv:v'),
 224:('f32x4.abs','v:v'),225:('f32x4.neg','v:v'),227:('f32x4.sqrt','v:v'),228:('f32x4.add','vv:v'),229:('f32x4.sub','vv:v'),
 230:('f32x4.mul','vv:v'),231:('f32x4.div','vv:v'),232:('f32x4.min','vv:v'),233:('f32x4.max','vv:v'),234:('f32x4.pmin','vv:v'),235:('f32x4.pmax','vv:v'),
 236:('f64x2.abs','v:v'),237:('f64x2.neg','v:v'),239:('f64x2.sqrt','v:v'),240:('f64x2.add','vv:v'),241:('f64x2.sub','vv:v'),
 242:('f64x2.mul','vv:v'),243:('f64x2.div','vv:v'),244:('f64x2.min','vv:v'),245:('f64x2.max','vv:v'),246:('f64x2.pmin','vv:v'),247:('f64x2.pmax','vv:v'),
 248:('i32x4.trunc_sat_f32x4_s','v:v'),249:('i32x4.trunc_sat_f32x4_u','v:v'),250:('f32x4.convert_i32x4_s','v:v'),
 251:('f32x4.convert_i32x4_u','v:v'),252:('i32x4.trunc_sat_f64x2_s_zero','v:v'),253:('i32x4.trunc_sat_f64x2_u_zero','v:v'),
 254:('f64x2.convert_low_i32x4_s','v:v'),255:('f64x2.convert_low_i32x4_u','v:v'),
 0x100:('i8x16.relaxed_swizzle','vv:v'),0x101:('i32x4.relaxed_trunc_f32x4_s','v:v'),0x102:('i32x4.relaxed_trunc_f32x4_u','v:v'),
 0x103:('i32x4.relaxed_trunc_f64x2_s_zero','v:v'),0x104:('i32x4.relaxed_trunc_f64x2_u_zero','v:v'),0x105:('f32x4.relaxed_madd','vvv:v'),
 0x106:('f32x4.relaxed_nmadd','vvv:v'),0x107:('f64x2.relaxed_madd','vvv:v'),0x108:('f64x2.relaxed_nmadd','vvv:v'),
 0x109:('i8x16.relaxed_laneselect','vvv:v'),0x10A:('i16x8.relaxed_laneselect','vvv:v'),0x10B:('i32x4.relaxed_laneselect','vvv:v'),
 0x10C:('i64x2.relaxed_laneselect','vvv:v'),0x10D:('f32x4.relaxed_min','vv:v'),0x10E:('f32x4.relaxed_max','vv:v'),
 0x10F:('f64x2.relaxed_min','vv:v'),0x110:('f64x2.relaxed_max','vv:v'),0x111:('i16x8.relaxed_q15mulr_s','vv:v'),
 0x112:('i16x8.relaxed_dot_i8x16_i7x16_s','vv:v'),0x113:('i32x4.relaxed_dot_i8x16_i7x16_add_s','vvv:v'),
}
for s, (n, sig) in SIMD.items(): op(S(s), n, 'none', sig)
# --- 0xFE: threads (atomics)
A = lambda s: P(0xFE, s)
op(A(0),'memory.atomic.notify','memarg','ii:i',2); op(A(1),'memory.atomic.wait32','memarg','iiI:i',2); op(A(2),'memory.atomic.wait64','memarg','iII:i',3)
op(A(3),'atomic.fence','zero_byte','')
for s, n, sig, al in [(0x10,'i32.atomic.load','i:i',2),(0x11,'i64.atomic.load','i:I',3),(0x12,'i32.atomic.load8_u','i:i',0),
    (0x13,'i32.atomic.load16_u','i:i',1),(0x14,'i64.atomic.load8_u','i:I',0),(0x15,'i64.atomic.load16_u','i:I',1),(0x16,'i64.atomic.load32_u','i:I',2),
    (0x17,'i32.atomic.store','ii:',2),(0x18,'i64.atomic.store','iI:',3),(0x19,'i32.atomic.store8','ii:',0),(0x1A,'i32.atomic.store16','ii:',1),
    (0x1B,'i64.atomic.store8','iI:',0),(0x1C,'i64.atomic.store16','iI:',1),(0x1D,'i64.atomic.store32','iI:',2)]:
    op(A(s), n, 'memarg', sig, al)
forms = [('i32.atomic.rmw.{}','i',2),('i64.atomic.rmw.{}','I',3),('i32.atomic.rmw8.{}_u','i',0),('i32.atomic.rmw16.{}_u','i',1),
         ('i64.atomic.rmw8.{}_u','I',0),('i64.atomic.rmw16.{}_u','I',1),('i64.atomic.rmw32.{}_u','I',2)]
for gi, rmw in enumerate(['add','sub','and','or','xor','xchg','cmpxchg']):
    for fi, (fmt, t, al) in enumerate(forms):
        sig = f'i{t}{t}:{t}' if rmw == 'cmpxchg' else f'i{t}:{t}'
        op(A(0x1E + gi*7 + fi), fmt.format(rmw), 'memarg', sig, al)

IMMS = sorted({t[2] for t in T})
def ident(name):
    parts = re.split(r'[._]', name)
    return ''.join(p[:1].upper() + p[1:] for p in parts)
out = []
out.append('// GENERATED by tools/scripts/gen-opcodes.py from its table: edit the table there, then re-run it.\n')
out.append('/**\n * The single opcode table. An opcode is a number: a one-byte opcode is its byte; a prefixed one\n * (prefix 0xFB, 0xFC, 0xFD or 0xFE followed by a u32 sub-opcode) is `prefix * 0x1000 + sub`.\n *\n * `imm` names the immediates that follow; `sig` is the fixed stack signature for operators that\n * have one (`params:results`, letters i=i32 I=i64 f=f32 F=f64 v=v128), else null; `align` is the\n * natural alignment (log2 bytes) of memory operators, else -1.\n *\n * Two GC operators have one text name and two encodings: `ref.test_null` and `ref.cast_null` here\n * are the text forms `ref.test (ref null ht)` and `ref.cast (ref null ht)` (likewise\n * `ref.cast_desc_eq_null` for `ref.cast_desc_eq (ref null ht)`, custom-descriptors proposal).\n * @module\n */\n\n')
out.append('/** Immediate kinds. */\nexport type ImmKind =\n' + '\n'.join(f"  | '{k}'" for k in IMMS) + ';\n\n')
out.append('/** One row of the opcode table. */\nexport interface OpInfo {\n  readonly code: number;\n  readonly name: string;\n  readonly imm: ImmKind;\n  readonly sig: string | null;\n  readonly align: number;\n}\n\n')
out.append('/** Opcode numbers by identifier (for example `Op.I32Add`, `Op.MemoryInit`). */\nexport const Op = {\n')
seen=set()
for c, n, imm, sig, al in T:
    i = ident(n); assert i not in seen, i; seen.add(i)
    out.append(f'  {i}: 0x{c:x},\n')
out.append('} as const;\n\n/** The table rows. */\nexport const OPS: readonly OpInfo[] = [\n')
for c, n, imm, sig, al in T:
    s = 'null' if sig is None else f"'{sig}'"
    out.append(f"  {{ code: 0x{c:x}, name: '{n}', imm: '{imm}', sig: {s}, align: {al} }},\n")
out.append(']\n\n')
out.append('const byCode = new Map<number, OpInfo>();\nconst byName = new Map<string, OpInfo>();\nfor (const o of OPS) {\n  byCode.set(o.code, o);\n  if (!byName.has(o.name)) byName.set(o.name, o);\n}\n\n')
out.append('/** The row for an opcode number, or undefined. */\nexport function opInfo(code: number): OpInfo | undefined {\n  return byCode.get(code);\n}\n\n')
out.append('/** The row for an operator\'s text name (`i32.add`), or undefined. */\nexport function opByName(name: string): OpInfo | undefined {\n  return byName.get(name);\n}\n\n')
out.append('/** Builds the opcode number of a prefixed operator. */\nexport function prefixedOp(prefix: number, sub: number): number {\n  return prefix * 0x1000 + sub;\n}\n')
path = os.path.join(os.path.dirname(__file__), '../../packages/parser/src/opcodes.ts')
open(path, 'w').write(''.join(out).replace(']\n\nconst byCode', '];\n\nconst byCode'))
print(len(T), 'opcodes')
